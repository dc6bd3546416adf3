package com.ticketing.user.balance.persistence;

import com.ticketing.user.balance.LedgerEntry;
import com.ticketing.user.balance.LedgerKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The append-only {@code balance_ledger}. {@link #append} throws
 * {@link org.springframework.dao.DuplicateKeyException} when the payment id (per kind) or the charge's
 * idempotency key (per user) was already used: the unique keys, not application code, decide which of
 * two concurrent duplicates wins.
 */
@Repository
public class Ledger {

    private static final String COLUMNS = "id, user_id, kind, amount, balance_after, payment_id, idempotency_key";

    private static final RowMapper<LedgerEntry> ENTRY = (rs, i) -> new LedgerEntry(
            rs.getLong("id"),
            rs.getLong("user_id"),
            LedgerKind.valueOf(rs.getString("kind")),
            rs.getLong("amount"),
            rs.getLong("balance_after"),
            rs.getObject("payment_id", Long.class),
            rs.getString("idempotency_key"));

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(long userId, LedgerKind kind, long amount, long balanceAfter, Long paymentId, String idempotencyKey) {
        jdbc.sql("INSERT INTO balance_ledger (user_id, kind, amount, balance_after, payment_id, idempotency_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(userId, kind.name(), amount, balanceAfter, paymentId, idempotencyKey)
                .update();
    }

    /** The debit or refund recorded for {@code paymentId}, whoever it belongs to. */
    public Optional<LedgerEntry> findByPayment(long paymentId, LedgerKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM balance_ledger WHERE payment_id = ? AND kind = ?")
                .params(paymentId, kind.name())
                .query(ENTRY)
                .optional();
    }

    /** The charge {@code userId} made with {@code idempotencyKey}. */
    public Optional<LedgerEntry> findCharge(long userId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM balance_ledger WHERE user_id = ? AND idempotency_key = ?")
                .params(userId, idempotencyKey)
                .query(ENTRY)
                .optional();
    }
}
