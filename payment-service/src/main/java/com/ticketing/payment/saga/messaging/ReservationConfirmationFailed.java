package com.ticketing.payment.saga.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payload of {@code ReservationConfirmationFailed} (reservation.events), as this consumer reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReservationConfirmationFailed(Long reservationId, Long userId, Long scheduleId, Long seatId, Long paymentId,
                                     String reason) {
}
