package com.ticketing.user.account.web;

/** The new account: its user id (the {@code sub} of its access tokens) and its lower-case username. */
public record SignedUp(long userId, String username) {
}
