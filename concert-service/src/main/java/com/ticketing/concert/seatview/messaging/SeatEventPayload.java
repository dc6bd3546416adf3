package com.ticketing.concert.seatview.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields every seat-related reservation event carries (docs/contracts.md); the rest of each payload
 * (userId, price, expiresAt, paymentId) is not needed by the seat view.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SeatEventPayload(Long reservationId, Long scheduleId, Long seatId) {
}
