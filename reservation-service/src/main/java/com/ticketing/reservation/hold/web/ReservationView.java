package com.ticketing.reservation.hold.web;

import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.ReservationStatus;

import java.time.Instant;

/** A reservation as its owner sees it (public API). */
public record ReservationView(long reservationId, long scheduleId, long seatId, int seatNo, long price,
                              ReservationStatus status, Instant expiresAt) {

    public static ReservationView of(Reservation r) {
        return new ReservationView(r.id(), r.scheduleId(), r.seatId(), r.seatNo(), r.price(), r.status(), r.expiresAt());
    }
}
