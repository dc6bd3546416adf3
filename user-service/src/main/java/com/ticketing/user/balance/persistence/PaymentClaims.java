package com.ticketing.user.balance.persistence;

import com.ticketing.user.balance.PaymentClaim;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The {@code payment_claim} table: per payment id, whether its debit or its void came first. {@link #claim}
 * is a plain insert on the primary key, so of a debit and a void of one payment id exactly one commits; the
 * other waits for the first one's row lock and then fails with
 * {@link org.springframework.dao.DuplicateKeyException} (or succeeds, if the first rolled back).
 */
@Repository
public class PaymentClaims {

    private final JdbcClient jdbc;

    public PaymentClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the payment id is already claimed */
    public void claim(long paymentId, long userId, PaymentClaim.Outcome outcome) {
        jdbc.sql("INSERT INTO payment_claim (payment_id, user_id, outcome) VALUES (?, ?, ?)")
                .params(paymentId, userId, outcome.name())
                .update();
    }

    public Optional<PaymentClaim> find(long paymentId) {
        return jdbc.sql("SELECT payment_id, user_id, outcome FROM payment_claim WHERE payment_id = ?")
                .param(paymentId)
                .query((rs, i) -> new PaymentClaim(rs.getLong("payment_id"), rs.getLong("user_id"),
                        PaymentClaim.Outcome.valueOf(rs.getString("outcome"))))
                .optional();
    }
}
