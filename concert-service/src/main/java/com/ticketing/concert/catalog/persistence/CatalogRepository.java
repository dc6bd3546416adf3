package com.ticketing.concert.catalog.persistence;

import com.ticketing.concert.catalog.BookingWindow;
import com.ticketing.concert.catalog.CatalogSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Reads the catalog tables ({@code concert_schedule}, {@code seat}); times are stored as UTC DATETIMEs. */
@Repository
public class CatalogRepository {

    private final JdbcClient jdbc;

    public CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean scheduleExists(long scheduleId) {
        return jdbc.sql("SELECT COUNT(*) FROM concert_schedule WHERE id = ?")
                .param(scheduleId)
                .query(Long.class)
                .single() > 0;
    }

    /** The schedule with its concert's title, its start and its booking window; empty when it does not exist. */
    public Optional<CatalogSchedule> schedule(long scheduleId) {
        return jdbc.sql("""
                        SELECT s.id, s.concert_id, c.title, s.starts_at, s.booking_opens_at, s.booking_closes_at
                        FROM concert_schedule s
                        JOIN concert c ON c.id = s.concert_id
                        WHERE s.id = ?""")
                .param(scheduleId)
                .query((rs, n) -> new CatalogSchedule(rs.getLong("id"), rs.getLong("concert_id"), rs.getString("title"),
                        utc(rs.getObject("starts_at", LocalDateTime.class)),
                        utc(rs.getObject("booking_opens_at", LocalDateTime.class)),
                        utc(rs.getObject("booking_closes_at", LocalDateTime.class))))
                .optional();
    }

    /** The schedule with its booking window, and the seat when it exists and belongs to that schedule. */
    public Optional<ScheduleSeat> scheduleSeat(long scheduleId, long seatId) {
        return jdbc.sql("""
                        SELECT s.id, s.concert_id, s.booking_opens_at, s.booking_closes_at, t.id AS seat_id, t.seat_no, t.price
                        FROM concert_schedule s
                        LEFT JOIN seat t ON t.id = ? AND t.schedule_id = s.id
                        WHERE s.id = ?""")
                .param(seatId)
                .param(scheduleId)
                .query((rs, n) -> {
                    long foundSeat = rs.getLong("seat_id");
                    Seat seat = rs.wasNull() ? null : new Seat(foundSeat, rs.getInt("seat_no"), rs.getLong("price"));
                    return new ScheduleSeat(rs.getLong("id"), rs.getLong("concert_id"),
                            new BookingWindow(utc(rs.getObject("booking_opens_at", LocalDateTime.class)),
                                    utc(rs.getObject("booking_closes_at", LocalDateTime.class))),
                            Optional.ofNullable(seat));
                })
                .optional();
    }

    private static java.time.Instant utc(LocalDateTime t) {
        return t.toInstant(ZoneOffset.UTC);
    }

    public record Seat(long seatId, int seatNo, long price) {
    }

    public record ScheduleSeat(long scheduleId, long concertId, BookingWindow window, Optional<Seat> seat) {
    }
}
