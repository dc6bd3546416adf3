package com.ticketing.user.balance;

/** A user's balance in won. */
public record UserBalance(long userId, long balance) {
}
