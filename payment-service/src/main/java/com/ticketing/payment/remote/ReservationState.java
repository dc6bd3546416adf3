package com.ticketing.payment.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A reservation as reservation-service has it: its status and the payment that locked or paid it, if any. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReservationState(long reservationId, long userId, String status, Long paymentId) {

    /** Whether {@code payment} paid this reservation, or holds its lock and may still confirm it. */
    public boolean mayBeConfirmedBy(long payment) {
        return paymentId != null && paymentId == payment && ("CONFIRMED".equals(status) || "PAYING".equals(status));
    }
}
