package com.ticketing.user.balance.persistence;

import com.ticketing.user.balance.BalanceReconciliation.Debit;
import com.ticketing.user.balance.BalanceReconciliation.Finding;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;

/** Read-only queries of the reconciliation check over {@code users}, {@code balance_ledger}, {@code payment_claim}. */
@Repository
public class BalanceAudit {

    private final JdbcClient jdbc;

    public BalanceAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long users() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    /** Users whose balance is not charges − debits + refunds of their ledger. */
    public List<Finding> balancesOffTheirLedger() {
        return jdbc.sql("""
                        SELECT u.user_id, u.balance, COALESCE(l.total, 0) AS total
                        FROM users u LEFT JOIN (
                            SELECT user_id, SUM(CASE kind WHEN 'DEBIT' THEN -amount ELSE amount END) AS total
                            FROM balance_ledger GROUP BY user_id) l ON l.user_id = u.user_id
                        WHERE u.balance <> COALESCE(l.total, 0)""")
                .query((rs, i) -> new Finding("MONEY_CONSERVED", "user " + rs.getLong("user_id"),
                        "balance " + rs.getLong("balance") + " but charges - debits + refunds = " + rs.getLong("total")))
                .list();
    }

    /** Debits whose payment id payment-service voided: a fence that did not hold. */
    public List<Finding> debitsOfVoidedPayments() {
        return jdbc.sql("""
                        SELECT d.payment_id, d.user_id FROM balance_ledger d
                        JOIN payment_claim c ON c.payment_id = d.payment_id AND c.outcome = 'VOID'
                        WHERE d.kind = 'DEBIT'""")
                .query((rs, i) -> new Finding("VOID_HELD", "payment " + rs.getLong("payment_id"),
                        "debited from user " + rs.getLong("user_id") + " although voided"))
                .list();
    }

    public long voids() {
        return jdbc.sql("SELECT COUNT(*) FROM payment_claim WHERE outcome = 'VOID'").query(Long.class).single();
    }

    /** Every debit, with whether it was refunded. */
    public List<Debit> debits() {
        return jdbc.sql("""
                        SELECT d.payment_id, d.user_id, d.amount, r.id IS NOT NULL AS refunded, d.created_at
                        FROM balance_ledger d
                        LEFT JOIN balance_ledger r ON r.payment_id = d.payment_id AND r.kind = 'REFUND'
                        WHERE d.kind = 'DEBIT' ORDER BY d.payment_id""")
                .query((rs, i) -> new Debit(rs.getLong("payment_id"), rs.getLong("user_id"), rs.getLong("amount"),
                        rs.getBoolean("refunded"), rs.getObject("created_at", Timestamp.class).toInstant()))
                .list();
    }
}
