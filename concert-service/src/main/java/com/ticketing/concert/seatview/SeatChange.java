package com.ticketing.concert.seatview;

import java.util.Objects;

/** What one reservation event says about one seat: reservation {@code reservationId} reached {@code stage}. */
public record SeatChange(long reservationId, long scheduleId, long seatId, ReservationStage stage) {

    public SeatChange {
        if (reservationId <= 0 || scheduleId <= 0 || seatId <= 0) {
            throw new IllegalArgumentException("reservation, schedule and seat ids must be positive");
        }
        Objects.requireNonNull(stage, "stage");
        if (stage == ReservationStage.NONE) {
            throw new IllegalArgumentException("an event always moves a reservation to a real stage");
        }
    }
}
