package com.ticketing.concert.seatview;

/**
 * How far the reservation that last touched a seat has got, as far as this view has heard. The rank orders
 * the stages of one reservation: a stage only ever replaces a lower one, so late or repeated events cannot
 * move a reservation backwards. {@code SOLD} outranks {@code RELEASED}: a confirmation always wins for its
 * reservation.
 */
public enum ReservationStage {
    /** No reservation has touched the seat. */
    NONE(0, SeatStatus.AVAILABLE),
    /** {@code SeatHeld}. */
    HELD(1, SeatStatus.HELD),
    /** {@code ReservationExpired} or {@code ReservationCancelled}. */
    RELEASED(2, SeatStatus.AVAILABLE),
    /** {@code ReservationConfirmed}. */
    SOLD(3, SeatStatus.SOLD);

    private final int rank;
    private final SeatStatus seatStatus;

    ReservationStage(int rank, SeatStatus seatStatus) {
        this.rank = rank;
        this.seatStatus = seatStatus;
    }

    public SeatStatus seatStatus() {
        return seatStatus;
    }

    boolean isBeyond(ReservationStage other) {
        return rank > other.rank;
    }
}
