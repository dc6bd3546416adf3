package com.ticketing.payment.stub;

import com.ticketing.common.contracts.Contracts;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * reservation-service's payment lock as docs/contracts.md describes it, state in memory: lock only the owner's
 * HELD reservation (another user's → 404, the payer admitted to another schedule's room → 403 QUEUE_NOT_ADMITTED,
 * not HELD → 409 RESERVATION_NOT_PAYABLE, locked by another payment →
 * 409 RESERVATION_LOCKED, same payment again → same answer); unlock idempotent, and it refuses any later lock by
 * that payment (409 PAYMENT_LOCK_REFUSED, the fence of docs/contracts.md); GET of a reservation.
 * {@link #lateLocks} waits before applying a lock, {@link #holdLocks} until {@link #releaseLocks}.
 */
public class ReservationServiceStub extends StubServer {

    public enum State { HELD, PAYING, CONFIRMED, EXPIRED, CANCELLED }

    /** The schedule (waiting room) of a reservation held with {@link #hold(long, long, long)}. */
    public static final long SCHEDULE = 1;

    public record Reservation(long id, long userId, long scheduleId, long price, State state, Long lockedBy) {
    }

    private final Map<Long, Reservation> reservations = new HashMap<>();
    public final AtomicInteger lockRequests = new AtomicInteger();
    public final AtomicInteger unlockRequests = new AtomicInteger();
    public final AtomicInteger lookups = new AtomicInteger();
    private final Set<Long> refusedPayments = new HashSet<>();
    public volatile long lateLocks;
    private volatile CountDownLatch lockGate;
    private final AtomicInteger heldLocks = new AtomicInteger();

    public synchronized void reset() {
        reservations.clear();
        lockRequests.set(0);
        unlockRequests.set(0);
        lookups.set(0);
        refusedPayments.clear();
        lateLocks = 0;
        releaseLocks();
    }

    /** From now on lock requests wait (before applying) until {@link #releaseLocks}. */
    public void holdLocks() {
        lockGate = new CountDownLatch(1);
    }

    public void releaseLocks() {
        CountDownLatch gate = lockGate;
        lockGate = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    public int heldLocks() {
        return heldLocks.get();
    }

    /** The reservation paid by {@code paymentId}, as after reservation-service consumed its PaymentCompleted. */
    public synchronized void confirm(long reservationId, long paymentId) {
        Reservation r = reservations.get(reservationId);
        reservations.put(reservationId, new Reservation(r.id(), r.userId(), r.scheduleId(), r.price(), State.CONFIRMED, paymentId));
    }

    /** The reservation cancelled, as when its confirmation failed. */
    public synchronized void cancel(long reservationId) {
        Reservation r = reservations.get(reservationId);
        reservations.put(reservationId, new Reservation(r.id(), r.userId(), r.scheduleId(), r.price(), State.CANCELLED, null));
    }

    public synchronized void hold(long reservationId, long userId, long price) {
        hold(reservationId, userId, price, SCHEDULE);
    }

    public synchronized void hold(long reservationId, long userId, long price, long scheduleId) {
        reservations.put(reservationId, new Reservation(reservationId, userId, scheduleId, price, State.HELD, null));
    }

    public synchronized void expire(long reservationId) {
        Reservation r = reservations.get(reservationId);
        reservations.put(reservationId, new Reservation(r.id(), r.userId(), r.scheduleId(), r.price(), State.EXPIRED, null));
    }

    /** Locks as if payment {@code paymentId} held it (a lock taken by a request whose answer was lost). */
    public synchronized void lockFor(long reservationId, long paymentId) {
        Reservation r = reservations.get(reservationId);
        reservations.put(reservationId, new Reservation(r.id(), r.userId(), r.scheduleId(), r.price(), State.PAYING, paymentId));
    }

    public synchronized Reservation reservation(long reservationId) {
        return reservations.get(reservationId);
    }

    public synchronized Map<Long, Reservation> all() {
        return new LinkedHashMap<>(reservations);
    }

    @Override
    protected Response handle(String method, String[] p, JsonNode body) {
        if ("GET".equals(method) && p.length == 3 && "internal".equals(p[0]) && "reservations".equals(p[1])) {
            lookups.incrementAndGet();
            return find(Long.parseLong(p[2]));
        }
        if (p.length < 4 || !"internal".equals(p[0]) || !"reservations".equals(p[1]) || !"payment-lock".equals(p[3])) {
            return error(404, "NOT_FOUND");
        }
        long reservationId = Long.parseLong(p[2]);
        if ("POST".equals(method) && p.length == 4) {
            lockRequests.incrementAndGet();
            CountDownLatch gate = lockGate;
            if (gate != null) {
                heldLocks.incrementAndGet();
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    heldLocks.decrementAndGet();
                }
            }
            if (lateLocks > 0) {
                sleep(lateLocks);
            }
            expect("reservation-service/lock-request", body);
            return lock(reservationId, body.get("userId").asLong(), body.get("paymentId").asLong(),
                    body.path("roomId").asLong());
        }
        if ("DELETE".equals(method) && p.length == 5) {
            unlockRequests.incrementAndGet();
            return unlock(reservationId, Long.parseLong(p[4]));
        }
        return error(404, "NOT_FOUND");
    }

    private synchronized Response lock(long reservationId, long userId, long paymentId, long roomId) {
        Reservation r = reservations.get(reservationId);
        if (r == null || r.userId() != userId) {
            return error(404, "RESERVATION_NOT_FOUND");
        }
        if (r.scheduleId() != roomId) {
            return error(403, "QUEUE_NOT_ADMITTED");
        }
        if (refusedPayments.contains(paymentId)) {
            return error(409, "PAYMENT_LOCK_REFUSED");
        }
        if (r.state() == State.PAYING) {
            return r.lockedBy() == paymentId ? ok(view(r)) : error(409, "RESERVATION_LOCKED");
        }
        if (r.state() != State.HELD) {
            return error(409, "RESERVATION_NOT_PAYABLE");
        }
        Reservation locked = new Reservation(r.id(), r.userId(), r.scheduleId(), r.price(), State.PAYING, paymentId);
        reservations.put(reservationId, locked);
        return ok(view(locked));
    }

    private synchronized Response unlock(long reservationId, long paymentId) {
        Reservation r = reservations.get(reservationId);
        if (r == null) {
            return error(404, "RESERVATION_NOT_FOUND");
        }
        if (r.state() == State.CONFIRMED && Long.valueOf(paymentId).equals(r.lockedBy())) {
            return error(409, "RESERVATION_ALREADY_CONFIRMED");
        }
        refusedPayments.add(paymentId);
        if (r.state() == State.PAYING && r.lockedBy() == paymentId) {
            r = new Reservation(r.id(), r.userId(), r.scheduleId(), r.price(), State.HELD, null);
            reservations.put(reservationId, r);
        }
        return ok(view(r));
    }

    private synchronized Response find(long reservationId) {
        Reservation r = reservations.get(reservationId);
        return r == null ? error(404, "RESERVATION_NOT_FOUND") : ok(view(r));
    }

    /** The reservation as reservation-service answers it (contract sample {@code reservation-service/reservation-answer}). */
    private static JsonNode view(Reservation r) {
        return Contracts.sample("reservation-service/reservation-answer", "reservationId", r.id(), "userId", r.userId(),
                "scheduleId", r.scheduleId(), "seatId", r.id(), "seatNo", 1, "price", r.price(), "status", r.state().name(),
                "paymentId", r.lockedBy(), "expiresAt", Instant.now().plusSeconds(300).toString());
    }
}
