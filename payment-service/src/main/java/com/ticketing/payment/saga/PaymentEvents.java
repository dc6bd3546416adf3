package com.ticketing.payment.saga;

/** Payloads of the events payment-service publishes on {@code payment.events} (key = payment id). */
final class PaymentEvents {

    /** {@code PaymentCompleted}: the money is taken; reservation-service confirms, queue-service frees the slot. */
    record PaymentCompleted(long paymentId, long reservationId, long userId, long amount) {
    }

    /** {@code PaymentRefunded}: the money went back because the reservation could not be confirmed. */
    record PaymentRefunded(long paymentId, long reservationId, long userId, long amount, String reason) {
    }

    private PaymentEvents() {
    }
}
