package com.ticketing.reservation.paymentlock.web;

import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.ReservationStatus;

import java.time.Instant;

/** A reservation as other services see it ({@code /internal/reservations/**}); {@code paymentId} is null unless locked or paid. */
public record InternalReservationView(long reservationId, long userId, long scheduleId, long seatId, int seatNo,
                                      long price, ReservationStatus status, Long paymentId, Instant expiresAt) {

    public static InternalReservationView of(Reservation r) {
        return new InternalReservationView(r.id(), r.userId(), r.scheduleId(), r.seatId(), r.seatNo(), r.price(),
                r.status(), r.paymentId(), r.expiresAt());
    }
}
