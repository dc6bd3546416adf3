package com.ticketing.concert.seatview.persistence;

import com.ticketing.concert.catalog.SeatGrade;
import com.ticketing.concert.seatview.ReservationStage;
import com.ticketing.concert.seatview.SeatListItem;
import com.ticketing.concert.seatview.SeatStatus;
import com.ticketing.concert.seatview.SeatView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code seat_view} table (one row per catalog seat). */
@Repository
public class SeatViewRepository {

    private final JdbcClient jdbc;

    public SeatViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The seat's view row, locked until the transaction ends (events of one seat apply one at a time). */
    public Optional<SeatView> lockSeat(long seatId) {
        return jdbc.sql("SELECT seat_id, schedule_id, reservation_id, reservation_stage FROM seat_view WHERE seat_id = ? FOR UPDATE")
                .param(seatId)
                .query((rs, n) -> new SeatView(rs.getLong("seat_id"), rs.getLong("schedule_id"),
                        rs.getLong("reservation_id"), ReservationStage.valueOf(rs.getString("reservation_stage"))))
                .optional();
    }

    public void save(SeatView seat, Instant at) {
        jdbc.sql("UPDATE seat_view SET status = ?, reservation_id = ?, reservation_stage = ?, updated_at = ? WHERE seat_id = ?")
                .param(seat.status().name())
                .param(seat.reservationId())
                .param(seat.stage().name())
                .param(LocalDateTime.ofInstant(at, ZoneOffset.UTC))
                .param(seat.seatId())
                .update();
    }

    public List<SeatListItem> seatsOf(long scheduleId) {
        return jdbc.sql("""
                        SELECT t.id, t.seat_no, t.grade, t.price, v.status
                        FROM seat t JOIN seat_view v ON v.seat_id = t.id
                        WHERE t.schedule_id = ?
                        ORDER BY t.seat_no""")
                .param(scheduleId)
                .query((rs, n) -> new SeatListItem(rs.getLong("id"), rs.getInt("seat_no"),
                        SeatGrade.valueOf(rs.getString("grade")), rs.getLong("price"),
                        SeatStatus.valueOf(rs.getString("status"))))
                .list();
    }
}
