package com.ticketing.user.balance;

/** The result of a debit or refund for a payment: the balance right after it. */
public record PaymentBalance(long userId, long paymentId, long balance) {
}
