package com.ticketing.user.balance;

/** Who got to a payment id first: its debit, or payment-service's void of it. Never changes once written. */
public record PaymentClaim(long paymentId, long userId, Outcome outcome) {

    public enum Outcome {
        /** The debit committed: a void of this payment id is refused with {@code DEBIT_EXISTS}. */
        DEBITED,
        /** payment-service gave up on the debit: a debit with this payment id is refused with {@code PAYMENT_VOIDED}. */
        VOID
    }

    public boolean isVoid() {
        return outcome == Outcome.VOID;
    }
}
