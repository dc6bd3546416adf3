package com.ticketing.reservation.domain.persistence;

import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.ReservationStatus;
import com.ticketing.reservation.domain.events.ReservationEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The {@code reservation} and {@code hold_owner} tables, with explicit SQL. Timestamps are stored as UTC
 * {@code DATETIME(6)}, independent of the JVM's or the server's time zone. Callers provide the transaction.
 * Writing a reservation also writes the events its transitions registered to the outbox, in that transaction.
 */
@Repository
public class ReservationStore {

    private static final String COLUMNS =
            "id, user_id, schedule_id, seat_id, seat_no, price, status, payment_id, expires_at, created_at";

    private static final RowMapper<Reservation> ROW = (rs, i) -> Reservation.restore(
            rs.getLong("id"), rs.getLong("user_id"), rs.getLong("schedule_id"), rs.getLong("seat_id"),
            rs.getInt("seat_no"), rs.getLong("price"), ReservationStatus.valueOf(rs.getString("status")),
            rs.getObject("payment_id", Long.class),
            fromDb(rs.getObject("expires_at", LocalDateTime.class)),
            fromDb(rs.getObject("created_at", LocalDateTime.class)));

    private final JdbcClient jdbc;
    private final ReservationEvents events;

    public ReservationStore(JdbcClient jdbc, ReservationEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Stores a new hold. Returns it with its id, or empty when another reservation already occupies the seat
     * (the unique key on {@code active_seat_id} decides, whatever the concurrency).
     */
    public Optional<Reservation> insertIfSeatFree(Reservation hold) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO reservation (user_id, schedule_id, seat_id, seat_no, price, status, payment_id, "
                            + "expires_at, created_at, updated_at, active_seat_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(hold.userId(), hold.scheduleId(), hold.seatId(), hold.seatNo(), hold.price(),
                            hold.status().name(), hold.paymentId(), toDb(hold.expiresAt()),
                            toDb(hold.createdAt()), toDb(hold.createdAt()), hold.activeSeatId())
                    .update(key, "id");
        } catch (DuplicateKeyException seatTaken) {
            return Optional.empty();
        }
        Reservation stored = hold.stored(key.getKeyAs(Number.class).longValue());
        events.appendAll(stored.pullEvents());
        return Optional.of(stored);
    }

    public Optional<Reservation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation WHERE id = ?").param(id).query(ROW).optional();
    }

    /** Reads and row-locks the reservation until the transaction ends. */
    public Optional<Reservation> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation WHERE id = ? FOR UPDATE").param(id).query(ROW).optional();
    }

    /** The reservation that currently occupies the seat, if any. */
    public Optional<Reservation> findOccupying(long seatId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation WHERE active_seat_id = ?").param(seatId).query(ROW).optional();
    }

    /**
     * Writes the state a transition left (status, payment, seat occupancy) and the events it registered; a row no
     * longer PAYING needs no payment check.
     */
    public void update(Reservation r, Instant now) {
        update(r, now, null);
    }

    /**
     * {@link #update(Reservation, Instant)}, and when the reservation is PAYING and {@code paymentCheckAt} is given,
     * its payment check due then, in the same statement.
     */
    public void update(Reservation r, Instant now, Instant paymentCheckAt) {
        int n = jdbc.sql("UPDATE reservation SET status = ?, payment_id = ?, active_seat_id = ?, updated_at = ?, "
                        + "payment_check_at = IF(? = 'PAYING', COALESCE(?, payment_check_at), NULL) WHERE id = ?")
                .params(r.status().name(), r.paymentId(), r.activeSeatId(), toDb(now), r.status().name(),
                        paymentCheckAt == null ? null : toDb(paymentCheckAt), r.id())
                .update();
        if (n != 1) {
            throw new IllegalStateException("reservation " + r.id() + " vanished");
        }
        events.appendAll(r.pullEvents());
    }

    /** When to ask payment-service whether the payment that locked the reservation is still under way. */
    public void schedulePaymentCheck(long reservationId, Instant at) {
        jdbc.sql("UPDATE reservation SET payment_check_at = ? WHERE id = ? AND status = 'PAYING'")
                .params(toDb(at), reservationId)
                .update();
    }

    /**
     * Takes up to {@code limit} PAYING reservations whose payment check is due and moves their next check to
     * {@code next} (one short transaction, rows another instance holds are skipped): the caller then asks
     * payment-service about each without holding a lock, and no other instance asks again before {@code next}.
     * Returns (reservation id, payment id) pairs.
     */
    public List<long[]> takeDuePaymentChecks(Instant now, Instant next, int limit) {
        List<long[]> due = jdbc.sql("SELECT id, payment_id FROM reservation WHERE status = 'PAYING' "
                        + "AND payment_check_at <= ? ORDER BY payment_check_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(toDb(now), limit)
                .query((rs, i) -> new long[] {rs.getLong("id"), rs.getLong("payment_id")})
                .list();
        for (long[] row : due) {
            schedulePaymentCheck(row[0], next);
        }
        return due;
    }

    /** Refuses every later lock by {@code paymentId} (idempotent). */
    public void refuseLocksOf(long paymentId, long reservationId, Instant now) {
        jdbc.sql("INSERT INTO refused_payment_lock (payment_id, reservation_id, refused_at) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE payment_id = payment_id")
                .params(paymentId, reservationId, toDb(now))
                .update();
    }

    public boolean areLocksRefused(long paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM refused_payment_lock WHERE payment_id = ?")
                .param(paymentId).query(Long.class).single() > 0;
    }

    /**
     * Row-locks up to {@code limit} held reservations whose time is up, oldest first. Rows another transaction
     * has locked (another sweeper instance, a payment lock in progress) are skipped, not waited for.
     */
    public List<Reservation> lockDueHolds(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reservation WHERE status = 'HELD' AND expires_at <= ? "
                        + "ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(toDb(now), limit)
                .query(ROW)
                .list();
    }

    /**
     * Takes the exclusive lock of the user's {@code hold_owner} row (creating it on first use) until the
     * transaction ends, so one user's holds are decided one after another.
     */
    public void lockHoldOwner(long userId, Instant now) {
        jdbc.sql("INSERT INTO hold_owner (user_id, last_hold_at) VALUES (?, ?) "
                        + "ON DUPLICATE KEY UPDATE last_hold_at = VALUES(last_hold_at)")
                .params(userId, toDb(now))
                .update();
    }

    /** Holds that still count against the user's limit: locked ones, and held ones whose time is not up. */
    public int countActiveHolds(long userId, Instant now) {
        Integer n = jdbc.sql("SELECT COUNT(*) FROM reservation WHERE user_id = ? "
                        + "AND (status = 'PAYING' OR (status = 'HELD' AND expires_at > ?))")
                .params(userId, toDb(now))
                .query(Integer.class)
                .single();
        return n == null ? 0 : n;
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
