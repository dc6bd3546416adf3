package com.ticketing.concert.seatview;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * concert-service's part of the reconciliation check ({@code GET /internal/reconciliation}, docs/contracts.md): the
 * seats the view shows SOLD, with the reservation that sold each, which the cross-service check
 * ({@code deploy/local/reconcile-check.sh}) matches against reservation-service's confirmations and
 * payment-service's payments.
 */
@Service
public class SeatViewChecks {

    public record Sold(long seatId, long scheduleId, long reservationId) {
    }

    public record Report(String service, Map<String, Long> seats, List<Sold> sold) {
    }

    private final JdbcClient jdbc;

    public SeatViewChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report check() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM seat_view GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        List<Sold> sold = jdbc.sql("SELECT seat_id, schedule_id, reservation_id FROM seat_view WHERE status = 'SOLD' "
                        + "ORDER BY seat_id")
                .query((rs, i) -> new Sold(rs.getLong("seat_id"), rs.getLong("schedule_id"), rs.getLong("reservation_id")))
                .list();
        return new Report("concert-service", counts, sold);
    }
}
