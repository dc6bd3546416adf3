package com.ticketing.user.balance;

/** The answer to a void: from now on no debit of {@code paymentId} applies ({@code status} is always VOID). */
public record PaymentVoid(long userId, long paymentId, String status) {

    static PaymentVoid of(long userId, long paymentId) {
        return new PaymentVoid(userId, paymentId, PaymentClaim.Outcome.VOID.name());
    }
}
