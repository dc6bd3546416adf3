package com.ticketing.user.account;

/** An account with its password hash (a DelegatingPasswordEncoder hash such as {@code {bcrypt}$2a$10$...}). */
public record AccountCredentials(Account account, String passwordHash) {
}
