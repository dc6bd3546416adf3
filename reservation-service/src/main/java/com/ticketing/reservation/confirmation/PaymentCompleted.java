package com.ticketing.reservation.confirmation;

/**
 * The payload of payment-service's {@code PaymentCompleted} as this service reads it (its own record: consumers
 * do not depend on a producer's classes). {@code amount} may be absent; when present it must equal the price.
 */
public record PaymentCompleted(Long paymentId, Long reservationId, Long userId, Long amount) {

    public boolean isComplete() {
        return paymentId != null && paymentId > 0 && reservationId != null && reservationId > 0
                && userId != null && userId > 0;
    }
}
