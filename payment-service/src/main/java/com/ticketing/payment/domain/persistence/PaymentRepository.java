package com.ticketing.payment.domain.persistence;

import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.common.outbox.OutboxWriter;
import com.ticketing.payment.domain.FollowUpPolicy;
import com.ticketing.payment.domain.Payment;
import com.ticketing.payment.domain.PaymentEvent;
import com.ticketing.payment.domain.PaymentStatus;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code payment} table. Updates are conditional on the state they start from, so two actors (a request
 * and the reconciler) can never both move the same payment; {@code reconcile_after} says when background work
 * on a payment is due (NULL when none is). Storing a state also writes the event its transition raised
 * ({@link Payment#events}) to the outbox, in the caller's transaction.
 */
@Repository
public class PaymentRepository {

    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

    private static final String COLUMNS = "id, user_id, reservation_id, amount, schedule_id, status, balance_after, "
            + "idempotency_key, reservation_locked, failure_code, refund_reason";

    private static final RowMapper<Payment> ROWS = (rs, i) -> Payment.restore(
            rs.getLong("id"), rs.getLong("user_id"), rs.getLong("reservation_id"),
            (Long) rs.getObject("amount", Long.class), (Long) rs.getObject("schedule_id", Long.class),
            PaymentStatus.valueOf(rs.getString("status")),
            (Long) rs.getObject("balance_after", Long.class), rs.getString("idempotency_key"),
            rs.getBoolean("reservation_locked"), rs.getString("failure_code"), rs.getString("refund_reason"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final FollowUpPolicy followUp;
    private final OutboxWriter outbox;

    public PaymentRepository(JdbcClient jdbc, Clock clock, FollowUpPolicy followUp, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.followUp = followUp;
        this.outbox = outbox;
    }

    /**
     * Inserts a new payment.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the reservation already has a live payment,
     *                                                        the user already used the idempotency key, or the id is taken
     */
    public void insert(Payment p) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO payment (id, user_id, reservation_id, active_reservation_id, amount, schedule_id, status, "
                        + "balance_after, idempotency_key, reservation_locked, failure_code, refund_reason, "
                        + "created_at, updated_at, reconcile_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.id(), p.userId(), p.reservationId(), activeReservation(p), p.amount(), p.scheduleId(),
                        p.status().name(),
                        p.balanceAfter(), p.idempotencyKey(), p.reservationLocked(), p.failureCode(),
                        p.refundReason(), Timestamp.from(now), Timestamp.from(now), reconcileAfter(p, now))
                .update();
    }

    /**
     * Stores {@code next} if the payment is still in {@code expected}; returns false when someone else moved
     * it first (then nothing is written). A state that carries an event needs a transaction around this call.
     *
     * <p>It waits at most 1 s for a row lock: a payment row is held for long only by whoever is settling it (the
     * reconciler, the compensation), across its remote calls (each up to a read timeout). A request meeting that
     * lock is told after a second ({@link org.springframework.dao.PessimisticLockingFailureException}) instead of
     * waiting seconds past the gateway's timeout; the holder updates through its own lock and never waits here.
     * (Not 0: the reconciler's scan for due payments locks rows for an instant.)
     *
     * @throws org.springframework.dao.PessimisticLockingFailureException when another transaction holds the payment
     */
    public boolean update(Payment next, PaymentStatus expected) {
        Instant now = clock.instant();
        boolean stored;
        try {
            stored = jdbc.sql("SET STATEMENT innodb_lock_wait_timeout = 1 FOR "
                            + "UPDATE payment SET active_reservation_id = ?, amount = ?, schedule_id = ?, status = ?, "
                            + "balance_after = ?, "
                            + "idempotency_key = ?, reservation_locked = ?, failure_code = ?, refund_reason = ?, "
                            + "updated_at = ?, reconcile_after = ? WHERE id = ? AND status = ?")
                    .params(activeReservation(next), next.amount(), next.scheduleId(), next.status().name(),
                            next.balanceAfter(),
                            next.idempotencyKey(), next.reservationLocked(), next.failureCode(), next.refundReason(),
                            Timestamp.from(now), reconcileAfter(next, now), next.id(), expected.name())
                    .update() == 1;
        } catch (DataAccessException e) {
            if (lockWaitTimeout(e)) { // MariaDB 1205 (SQL state HY000), which Spring leaves uncategorized
                throw new CannotAcquireLockException("payment " + next.id() + " is being settled by another transaction", e);
            }
            throw e;
        }
        if (stored) {
            next.events().forEach(event -> outbox.append(Topics.PAYMENT_EVENTS, typeOf(event), event.paymentId(), event));
        }
        return stored;
    }

    /** The event's type name on {@code payment.events}. */
    static String typeOf(PaymentEvent event) {
        if (event instanceof PaymentEvent.PaymentCompleted) {
            return EventTypes.PAYMENT_COMPLETED;
        }
        if (event instanceof PaymentEvent.PaymentRefunded) {
            return EventTypes.PAYMENT_REFUNDED;
        }
        throw new IllegalArgumentException("no type name for " + event);
    }

    private static boolean lockWaitTimeout(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
                return true;
            }
        }
        return false;
    }

    /** Puts background work on a payment off by the retry delay (after a failed attempt). */
    public void postpone(long paymentId) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE payment SET reconcile_after = ? WHERE id = ? AND reconcile_after IS NOT NULL")
                .params(Timestamp.from(now.plus(followUp.retryDelay())), paymentId)
                .update();
    }

    public Optional<Payment> find(long paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ?").param(paymentId).query(ROWS).optional();
    }

    /** Reads and row-locks the payment until the surrounding transaction ends. */
    public Optional<Payment> findForUpdate(long paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ? FOR UPDATE")
                .param(paymentId).query(ROWS).optional();
    }

    public Optional<Payment> findByIdempotencyKey(long userId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE user_id = ? AND idempotency_key = ?")
                .params(userId, key).query(ROWS).optional();
    }

    public Optional<Payment> findLiveForReservation(long reservationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE active_reservation_id = ?")
                .param(reservationId).query(ROWS).optional();
    }

    /**
     * The payment whose background work is due soonest, row-locked with {@code SKIP LOCKED}: reconcilers on
     * several instances each take a different payment and never wait for one another. Must run inside a
     * (READ COMMITTED) transaction; the index on {@code reconcile_after} keeps the scan to due rows.
     */
    public Optional<Payment> lockNextDue() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE reconcile_after <= ? "
                        + "ORDER BY reconcile_after LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param(Timestamp.from(clock.instant()))
                .query(ROWS).optional();
    }

    /** How many payments have background work pending (due or not). */
    public long followUpBacklog() {
        Long n = jdbc.sql("SELECT COUNT(*) FROM payment WHERE reconcile_after IS NOT NULL").query(Long.class).single();
        return n == null ? 0 : n;
    }

    private static Long activeReservation(Payment p) {
        return p.status().holdsReservation() ? p.reservationId() : null;
    }

    private Timestamp reconcileAfter(Payment p, Instant now) {
        if (!p.needsFollowUp()) {
            return null;
        }
        Duration delay = p.status() == PaymentStatus.PENDING ? followUp.stalePendingAfter() : followUp.retryDelay();
        return Timestamp.from(now.plus(delay));
    }
}
