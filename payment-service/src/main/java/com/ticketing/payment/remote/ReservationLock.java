package com.ticketing.payment.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** reservation-service's answer to a payment lock: the reservation, now {@code PAYING} for this payment. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReservationLock(long reservationId, long userId, Long scheduleId, Long seatId, long price,
                              String status, Instant expiresAt) {
}
