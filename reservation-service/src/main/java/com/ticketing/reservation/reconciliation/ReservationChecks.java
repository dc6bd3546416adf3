package com.ticketing.reservation.reconciliation;

import com.ticketing.reservation.config.ReservationProperties;
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
 * reservation-service's part of the reconciliation check ({@code GET /internal/reconciliation}, docs/contracts.md),
 * on one consistent snapshot: its own invariants (no reservation PAYING longer than {@code paying.settle-within},
 * one occupying reservation per seat) and the confirmed and locked reservations the cross-service check
 * ({@code deploy/local/reconcile-check.sh}) matches against the seat view and the payments.
 */
@Service
public class ReservationChecks {

    public record Check(String name, long checked, long findings) {
    }

    public record Finding(String check, String subject, String detail) {
    }

    /** A CONFIRMED or PAYING reservation, with the payment that paid or locked it. */
    public record Paid(long reservationId, long userId, long scheduleId, long seatId, long paymentId, String status,
                       Instant since) {
    }

    public record Report(String service, Map<String, Long> reservations, List<Check> checks, List<Finding> findings,
                         List<Paid> confirmed, List<Paid> paying) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration settleWithin;

    public ReservationChecks(JdbcClient jdbc, Clock clock, ReservationProperties props) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settleWithin = props.paying().settleWithin();
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report check() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM reservation GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        List<Paid> confirmed = paid("CONFIRMED");
        List<Paid> paying = paid("PAYING");
        Instant overdue = clock.instant().minus(settleWithin);
        List<Finding> findings = new ArrayList<>();
        for (Paid p : paying) {
            if (p.since().isBefore(overdue)) {
                findings.add(new Finding("SETTLED_IN_TIME", "reservation " + p.reservationId(),
                        "PAYING for payment " + p.paymentId() + " since " + p.since() + ", longer than " + settleWithin));
            }
        }
        long settled = findings.size();
        jdbc.sql("SELECT seat_id, COUNT(*) AS n FROM reservation WHERE status IN ('HELD', 'PAYING', 'CONFIRMED') "
                        + "GROUP BY seat_id HAVING COUNT(*) > 1")
                .query(rs -> {
                    findings.add(new Finding("ONE_HOLDER_PER_SEAT", "seat " + rs.getLong("seat_id"),
                            rs.getLong("n") + " reservations hold, lock or own it"));
                });
        return new Report("reservation-service", counts, List.of(
                new Check("SETTLED_IN_TIME: no reservation PAYING for more than " + settleWithin, paying.size(), settled),
                new Check("ONE_HOLDER_PER_SEAT: at most one HELD, PAYING or CONFIRMED reservation per seat",
                        counts.values().stream().mapToLong(Long::longValue).sum(), findings.size() - settled)),
                findings, confirmed, paying);
    }

    private List<Paid> paid(String status) {
        return jdbc.sql("SELECT id, user_id, schedule_id, seat_id, payment_id, status, updated_at FROM reservation "
                        + "WHERE status = ? ORDER BY id")
                .param(status)
                .query((rs, i) -> new Paid(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("schedule_id"),
                        rs.getLong("seat_id"), rs.getLong("payment_id"), rs.getString("status"),
                        rs.getObject("updated_at", Timestamp.class).toInstant()))
                .list();
    }
}
