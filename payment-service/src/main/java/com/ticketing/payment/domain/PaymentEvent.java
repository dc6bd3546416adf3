package com.ticketing.payment.domain;

import com.ticketing.payment.domain.persistence.PaymentRepository;

/**
 * The events payment-service publishes on {@code payment.events} (key = payment id). A {@link Payment}
 * transition that others must hear of carries its event; {@link PaymentRepository} writes it to the outbox in the
 * transaction that stores the new state.
 */
public sealed interface PaymentEvent {

    long paymentId();

    /**
     * {@code PaymentCompleted}: the money is taken; reservation-service confirms, queue-service ends the payer's
     * session in the waiting room of {@code scheduleId} (the reservation's schedule, from its lock; null only for a
     * payment priced before payments recorded it).
     */
    record PaymentCompleted(long paymentId, long reservationId, long userId, long amount, Long scheduleId)
            implements PaymentEvent {
    }

    /** {@code PaymentRefunded}: the money went back because the reservation could not be confirmed. */
    record PaymentRefunded(long paymentId, long reservationId, long userId, long amount, String reason)
            implements PaymentEvent {
    }
}
