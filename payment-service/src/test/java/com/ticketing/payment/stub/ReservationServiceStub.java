package com.ticketing.payment.stub;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * reservation-service's payment lock as docs/contracts.md describes it, state in memory: lock only the owner's
 * HELD reservation (another user's → 404, not HELD → 409 RESERVATION_NOT_PAYABLE, locked by another payment →
 * 409 RESERVATION_LOCKED, same payment again → same answer); unlock idempotent.
 */
public class ReservationServiceStub extends StubServer {

    public enum State { HELD, PAYING, CONFIRMED, EXPIRED, CANCELLED }

    public record Reservation(long id, long userId, long price, State state, Long lockedBy) {
    }

    private final Map<Long, Reservation> reservations = new HashMap<>();
    public final AtomicInteger lockRequests = new AtomicInteger();
    public final AtomicInteger unlockRequests = new AtomicInteger();

    public synchronized void reset() {
        reservations.clear();
        lockRequests.set(0);
        unlockRequests.set(0);
    }

    public synchronized void hold(long reservationId, long userId, long price) {
        reservations.put(reservationId, new Reservation(reservationId, userId, price, State.HELD, null));
    }

    public synchronized void expire(long reservationId) {
        Reservation r = reservations.get(reservationId);
        reservations.put(reservationId, new Reservation(r.id(), r.userId(), r.price(), State.EXPIRED, null));
    }

    /** Locks as if payment {@code paymentId} held it (a lock taken by a request whose answer was lost). */
    public synchronized void lockFor(long reservationId, long paymentId) {
        Reservation r = reservations.get(reservationId);
        reservations.put(reservationId, new Reservation(r.id(), r.userId(), r.price(), State.PAYING, paymentId));
    }

    public synchronized Reservation reservation(long reservationId) {
        return reservations.get(reservationId);
    }

    public synchronized Map<Long, Reservation> all() {
        return new LinkedHashMap<>(reservations);
    }

    @Override
    protected Response handle(String method, String[] p, JsonNode body) {
        if (p.length < 4 || !"internal".equals(p[0]) || !"reservations".equals(p[1]) || !"payment-lock".equals(p[3])) {
            return error(404, "NOT_FOUND");
        }
        long reservationId = Long.parseLong(p[2]);
        if ("POST".equals(method) && p.length == 4) {
            lockRequests.incrementAndGet();
            return lock(reservationId, body.get("userId").asLong(), body.get("paymentId").asLong());
        }
        if ("DELETE".equals(method) && p.length == 5) {
            unlockRequests.incrementAndGet();
            return unlock(reservationId, Long.parseLong(p[4]));
        }
        return error(404, "NOT_FOUND");
    }

    private synchronized Response lock(long reservationId, long userId, long paymentId) {
        Reservation r = reservations.get(reservationId);
        if (r == null || r.userId() != userId) {
            return error(404, "RESERVATION_NOT_FOUND");
        }
        if (r.state() == State.PAYING) {
            return r.lockedBy() == paymentId ? ok(view(r)) : error(409, "RESERVATION_LOCKED");
        }
        if (r.state() != State.HELD) {
            return error(409, "RESERVATION_NOT_PAYABLE");
        }
        Reservation locked = new Reservation(r.id(), r.userId(), r.price(), State.PAYING, paymentId);
        reservations.put(reservationId, locked);
        return ok(view(locked));
    }

    private synchronized Response unlock(long reservationId, long paymentId) {
        Reservation r = reservations.get(reservationId);
        if (r == null) {
            return error(404, "RESERVATION_NOT_FOUND");
        }
        if (r.state() == State.PAYING && r.lockedBy() == paymentId) {
            r = new Reservation(r.id(), r.userId(), r.price(), State.HELD, null);
            reservations.put(reservationId, r);
        }
        return ok(view(r));
    }

    private static Map<String, Object> view(Reservation r) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reservationId", r.id());
        view.put("userId", r.userId());
        view.put("scheduleId", 1L);
        view.put("seatId", r.id());
        view.put("price", r.price());
        view.put("status", r.state().name());
        view.put("expiresAt", Instant.now().plusSeconds(300).toString());
        return view;
    }
}
