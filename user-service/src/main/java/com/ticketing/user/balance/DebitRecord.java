package com.ticketing.user.balance;

/** A recorded debit of a payment, and whether it has been refunded. */
public record DebitRecord(long userId, long paymentId, long amount, boolean refunded) {
}
