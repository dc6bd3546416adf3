package com.ticketing.user.balance.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.OptionalLong;

/**
 * The {@code users} table. Every balance change is one conditional {@code UPDATE}: the database checks
 * the condition and applies the change atomically under the row's lock, so concurrent changes serialize on
 * the row and none is lost. A change that does not satisfy its condition touches nothing and returns false.
 */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    public Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the user's balance row with balance 0 (a new account). */
    public void open(long userId) {
        jdbc.sql("INSERT INTO users (user_id, balance) VALUES (?, 0)").param(userId).update();
    }

    /** Adds {@code amount} if the balance is at most {@code highestBalanceBefore}; false if not (or no such user). */
    public boolean depositUpTo(long userId, long amount, long highestBalanceBefore) {
        return jdbc.sql("UPDATE users SET balance = balance + ? WHERE user_id = ? AND balance <= ?")
                .params(amount, userId, highestBalanceBefore)
                .update() == 1;
    }

    /** Adds {@code amount} with no upper bound (refunds); false if there is no such user. */
    public boolean deposit(long userId, long amount) {
        return jdbc.sql("UPDATE users SET balance = balance + ? WHERE user_id = ?")
                .params(amount, userId)
                .update() == 1;
    }

    /** Takes {@code amount} if the balance covers it; false if it does not (or no such user). */
    public boolean withdraw(long userId, long amount) {
        return jdbc.sql("UPDATE users SET balance = balance - ? WHERE user_id = ? AND balance >= ?")
                .params(amount, userId, amount)
                .update() == 1;
    }

    /**
     * The balance as this transaction sees it. Right after a change in the same transaction this is the
     * balance that change produced: the transaction holds the row's lock, so nobody else has moved it.
     */
    public OptionalLong balanceOf(long userId) {
        return jdbc.sql("SELECT balance FROM users WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .optional()
                .map(OptionalLong::of)
                .orElseGet(OptionalLong::empty);
    }

    public boolean exists(long userId) {
        return balanceOf(userId).isPresent();
    }
}
