package com.ticketing.payment.domain;

/**
 * Where a payment stands. {@code PENDING → COMPLETED | FAILED | DEBIT_UNKNOWN}, {@code DEBIT_UNKNOWN →
 * COMPLETED | FAILED} (the reconciler decides), {@code COMPLETED → REFUNDING → REFUNDED} (compensation).
 */
public enum PaymentStatus {

    /** Created; the reservation lock and the debit are in progress. */
    PENDING,
    /** The debit was sent but its outcome was not seen (timeout, reset); the reconciler asks user-service. */
    DEBIT_UNKNOWN,
    /** Money taken, {@code PaymentCompleted} written. */
    COMPLETED,
    /** Over without money taken. */
    FAILED,
    /** The reservation could not be confirmed; the refund is being made (retried until it is). */
    REFUNDING,
    /** Money given back, {@code PaymentRefunded} written. */
    REFUNDED;

    /** A payment in these states holds its reservation: no second payment of it may start. */
    public boolean holdsReservation() {
        return this != FAILED && this != REFUNDED;
    }

    /** Money was (and stays, until the refund) taken from the user. */
    public boolean wasCompleted() {
        return this == COMPLETED || this == REFUNDING || this == REFUNDED;
    }
}
