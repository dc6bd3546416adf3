package com.ticketing.concert.schedule.persistence;

import com.ticketing.concert.schedule.OpenSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The database side of the schedule list: catalog joined with the seat-status view. */
@Repository
public class ScheduleQueries {

    private final JdbcClient jdbc;

    public ScheduleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Schedules whose booking window is open at {@code now} and whose show is still ahead, soonest first. */
    public List<OpenSchedule> openAt(Instant now) {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql("""
                        SELECT s.id, s.concert_id, c.title, c.artist, c.venue, s.starts_at, s.booking_closes_at,
                               SUM(v.status = 'AVAILABLE') AS available, COUNT(t.id) AS total,
                               MIN(t.price) AS min_price, MAX(t.price) AS max_price
                        FROM concert_schedule s
                        JOIN concert c ON c.id = s.concert_id
                        JOIN seat t ON t.schedule_id = s.id
                        JOIN seat_view v ON v.seat_id = t.id
                        WHERE s.booking_opens_at <= ? AND s.booking_closes_at > ? AND s.starts_at > ?
                        GROUP BY s.id, s.concert_id, c.title, c.artist, c.venue, s.starts_at, s.booking_closes_at
                        ORDER BY s.starts_at, s.id""")
                .param(at)
                .param(at)
                .param(at)
                .query((rs, n) -> new OpenSchedule(
                        rs.getLong("id"),
                        rs.getLong("concert_id"),
                        rs.getString("title"),
                        rs.getString("artist"),
                        rs.getString("venue"),
                        rs.getObject("starts_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject("booking_closes_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getInt("available"),
                        rs.getInt("total"),
                        rs.getLong("min_price"),
                        rs.getLong("max_price")))
                .list();
    }
}
