package com.ticketing.payment.reconcile;

import com.ticketing.payment.config.PaymentProperties;
import com.ticketing.payment.domain.PaymentStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * payment-service's part of the reconciliation check ({@code GET /internal/reconciliation}, docs/contracts.md),
 * on one consistent snapshot: its own invariants (every payment settles within {@code settle-within}, a
 * reservation has at most one payment that kept its money) and the payments that hold or may hold money, which
 * the cross-service check ({@code deploy/local/reconcile-check.sh}) matches against user-service's debits and
 * reservation-service's confirmations.
 */
@Service
public class PaymentChecks {

    public record Check(String name, long checked, long findings) {
    }

    public record Finding(String check, String subject, String detail) {
    }

    /** A payment that holds its reservation: money taken, or possibly taken, or being given back. */
    public record Held(long paymentId, long reservationId, long userId, Long amount, String status, Instant since) {
    }

    public record Report(String service, Map<String, Long> payments, List<Check> checks, List<Finding> findings,
                         List<Held> held) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration settleWithin;

    public PaymentChecks(JdbcClient jdbc, Clock clock, PaymentProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settleWithin = properties.reconcile().settleWithin();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report check() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM payment GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        List<Held> held = jdbc.sql("SELECT id, reservation_id, user_id, amount, status, updated_at FROM payment "
                        + "WHERE active_reservation_id IS NOT NULL ORDER BY id")
                .query((rs, i) -> new Held(rs.getLong("id"), rs.getLong("reservation_id"), rs.getLong("user_id"),
                        (Long) rs.getObject("amount", Long.class), rs.getString("status"),
                        rs.getObject("updated_at", Timestamp.class).toInstant()))
                .list();
        Instant overdue = clock.instant().minus(settleWithin);
        List<Finding> late = new ArrayList<>();
        long unsettled = 0;
        for (Held h : held) {
            if (h.status().equals(PaymentStatus.COMPLETED.name())) {
                continue;
            }
            unsettled++;
            if (h.since().isBefore(overdue)) {
                late.add(new Finding("SETTLED_IN_TIME", "payment " + h.paymentId(),
                        h.status() + " since " + h.since() + ", longer than " + settleWithin));
            }
        }
        List<Finding> lockedLong = jdbc.sql("SELECT id, updated_at FROM payment WHERE status = 'FAILED' "
                        + "AND reservation_locked = TRUE AND updated_at < ?")
                .param(Timestamp.from(overdue))
                .query((rs, i) -> new Finding("SETTLED_IN_TIME", "payment " + rs.getLong("id"),
                        "FAILED with its reservation lock not yet released since " + rs.getTimestamp("updated_at").toInstant()))
                .list();
        late.addAll(lockedLong);
        return new Report("payment-service", counts, List.of(
                new Check("SETTLED_IN_TIME: no payment PENDING, DEBIT_UNKNOWN, REFUNDING or FAILED-but-locked for more "
                        + "than " + settleWithin, unsettled, late.size()),
                new Check("PAID_ONCE: at most one payment holds each reservation (unique key)", held.size(), 0)),
                late, held);
    }
}
