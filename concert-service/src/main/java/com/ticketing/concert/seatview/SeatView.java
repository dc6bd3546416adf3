package com.ticketing.concert.seatview;

import java.util.Objects;

/**
 * The seat-status view of one seat: the newest reservation seen for it and that reservation's stage.
 * <p>
 * Rules (README, "Seat view rules"): reservation ids grow, and reservation-service lets a seat be held by a new
 * reservation only after the previous one ended, so the newest reservation seen decides the seat. A change
 * applies when it is about a newer reservation, or about the same reservation at a higher stage
 * ({@code HELD < RELEASED < SOLD}); anything else is stale and ignored. The result depends only on the set of
 * events seen, never on their order, and applying an event twice changes nothing.
 */
public record SeatView(long seatId, long scheduleId, long reservationId, ReservationStage stage) {

    public SeatView {
        Objects.requireNonNull(stage, "stage");
        if (reservationId < 0) {
            throw new IllegalArgumentException("reservationId must not be negative");
        }
    }

    public static SeatView untouched(long seatId, long scheduleId) {
        return new SeatView(seatId, scheduleId, 0, ReservationStage.NONE);
    }

    public SeatStatus status() {
        return stage.seatStatus();
    }

    /** This seat after {@code change}; {@code this} itself when the change is stale. */
    public SeatView apply(SeatChange change) {
        if (change.seatId() != seatId || change.scheduleId() != scheduleId) {
            throw new IllegalArgumentException("change of seat " + change.seatId() + " in schedule "
                    + change.scheduleId() + " does not belong to seat " + seatId + " in schedule " + scheduleId);
        }
        boolean newerReservation = change.reservationId() > reservationId;
        boolean laterStage = change.reservationId() == reservationId && change.stage().isBeyond(stage);
        if (!newerReservation && !laterStage) {
            return this;
        }
        return new SeatView(seatId, scheduleId, change.reservationId(), change.stage());
    }

    /** Whether going from this to {@code next} changes the seat's availability (counts in the schedule list). */
    public boolean availabilityDiffers(SeatView next) {
        return (status() == SeatStatus.AVAILABLE) != (next.status() == SeatStatus.AVAILABLE);
    }
}
