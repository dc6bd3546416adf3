package com.ticketing.reservation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.ticketing.reservation.domain.ReservationRefused.Reason.ALREADY_CONFIRMED;
import static com.ticketing.reservation.domain.ReservationRefused.Reason.CANCELLED;
import static com.ticketing.reservation.domain.ReservationRefused.Reason.CONFIRMED_BY_OTHER_PAYMENT;
import static com.ticketing.reservation.domain.ReservationRefused.Reason.EXPIRED;
import static com.ticketing.reservation.domain.ReservationRefused.Reason.LOCKED_BY_OTHER_PAYMENT;
import static com.ticketing.reservation.domain.ReservationRefused.Reason.NOT_EXPIRABLE;
import static com.ticketing.reservation.domain.ReservationRefused.Reason.NOT_LOCKED;

/**
 * A seat hold and its lifecycle. It guards its own transitions:
 * {@code HELD → PAYING → CONFIRMED}, {@code PAYING → HELD} (unlock), {@code HELD → EXPIRED},
 * {@code HELD/PAYING → CANCELLED}; anything else is refused with {@link ReservationRefused}.
 * Transitions that are already done (same payment) are accepted without change, so callers can be idempotent.
 * Each transition that others must hear of registers its {@link ReservationEvent} here; the store writes the
 * registered events to the outbox together with the state ({@link #pullEvents}), so no caller pairs the two.
 * Plain Java: persistence and time come from outside.
 */
public final class Reservation {

    private final Long id;
    private final long userId;
    private final long scheduleId;
    private final long seatId;
    private final int seatNo;
    private final long price;
    private final Instant expiresAt;
    private final Instant createdAt;
    private ReservationStatus status;
    private Long paymentId;
    private final List<ReservationEvent> events = new ArrayList<>();

    private Reservation(Long id, long userId, long scheduleId, long seatId, int seatNo, long price,
                        ReservationStatus status, Long paymentId, Instant expiresAt, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.scheduleId = scheduleId;
        this.seatId = seatId;
        this.seatNo = seatNo;
        this.price = price;
        this.status = Objects.requireNonNull(status, "status");
        this.paymentId = paymentId;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new hold of {@code seatId} for {@code holdFor} from {@code now}; it has no id until stored. */
    public static Reservation hold(long userId, long scheduleId, long seatId, int seatNo, long price,
                                   Instant now, Duration holdFor) {
        if (userId <= 0 || scheduleId <= 0 || seatId <= 0 || seatNo <= 0 || price < 0) {
            throw new IllegalArgumentException("ids must be positive and the price not negative");
        }
        if (holdFor.isNegative() || holdFor.isZero()) {
            throw new IllegalArgumentException("a hold must last some time");
        }
        // Millisecond precision: what JSON clients and the database keep, so every copy of expiresAt agrees.
        Instant start = now.truncatedTo(ChronoUnit.MILLIS);
        return new Reservation(null, userId, scheduleId, seatId, seatNo, price, ReservationStatus.HELD, null,
                start.plus(holdFor), start);
    }

    /** A reservation as it was stored. */
    public static Reservation restore(long id, long userId, long scheduleId, long seatId, int seatNo, long price,
                                      ReservationStatus status, Long paymentId, Instant expiresAt, Instant createdAt) {
        return new Reservation(id, userId, scheduleId, seatId, seatNo, price, status, paymentId, expiresAt, createdAt);
    }

    /** This new hold with the id its store gave it; it registers {@code SeatHeld}. */
    public Reservation stored(long newId) {
        if (id != null) {
            throw new IllegalStateException("reservation " + id + " is already stored");
        }
        Reservation stored = new Reservation(newId, userId, scheduleId, seatId, seatNo, price, status, paymentId,
                expiresAt, createdAt);
        stored.register(new ReservationEvent.SeatHeld(newId, userId, scheduleId, seatId, price, expiresAt));
        return stored;
    }

    /** The events registered since the last call, oldest first; they are forgotten here. */
    public List<ReservationEvent> pullEvents() {
        List<ReservationEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void register(ReservationEvent event) {
        events.add(event);
    }

    private void registerExpired() {
        register(new ReservationEvent.ReservationExpired(id, userId, scheduleId, seatId));
    }

    /**
     * Locks the hold for {@code payment}: only a held, unexpired reservation can be locked. Returns {@code false}
     * (and changes nothing) when this payment already holds the lock or already paid.
     */
    public boolean lockForPayment(long payment, Instant now) {
        switch (status) {
            case HELD -> {
                if (isPastExpiry(now)) {
                    throw new ReservationRefused(EXPIRED, "the hold has expired");
                }
                status = ReservationStatus.PAYING;
                paymentId = payment;
                return true;
            }
            case PAYING -> {
                if (paidBy(payment)) {
                    return false;
                }
                throw new ReservationRefused(LOCKED_BY_OTHER_PAYMENT, "another payment is in progress");
            }
            case CONFIRMED -> {
                if (paidBy(payment)) {
                    return false;
                }
                throw new ReservationRefused(CONFIRMED_BY_OTHER_PAYMENT, "the reservation is already paid");
            }
            case EXPIRED -> throw new ReservationRefused(EXPIRED, "the hold has expired");
            case CANCELLED -> throw new ReservationRefused(CANCELLED, "the reservation was cancelled");
        }
        throw new IllegalStateException("unknown status " + status);
    }

    /** The result of {@link #unlock}. */
    public enum Unlocked {
        /** Back to {@code HELD}. */
        HELD_AGAIN,
        /** The hold ran out while it was locked: now {@code EXPIRED}, the seat is free. */
        EXPIRED,
        /** There was no lock of that payment to release (already released, expired or cancelled). */
        NOTHING_TO_RELEASE
    }

    /**
     * Releases the lock of {@code payment}; a lock of another payment, or a reservation this payment paid, is
     * refused. A reservation paid by another payment holds no lock of this one: nothing to release.
     */
    public Unlocked unlock(long payment, Instant now) {
        switch (status) {
            case PAYING -> {
                if (!paidBy(payment)) {
                    throw new ReservationRefused(LOCKED_BY_OTHER_PAYMENT, "another payment holds the lock");
                }
                paymentId = null;
                if (isPastExpiry(now)) {
                    status = ReservationStatus.EXPIRED;
                    registerExpired();
                    return Unlocked.EXPIRED;
                }
                status = ReservationStatus.HELD;
                return Unlocked.HELD_AGAIN;
            }
            case CONFIRMED -> {
                if (paidBy(payment)) {
                    throw new ReservationRefused(ALREADY_CONFIRMED, "the reservation is already paid");
                }
                return Unlocked.NOTHING_TO_RELEASE;
            }
            case HELD, EXPIRED, CANCELLED -> {
                return Unlocked.NOTHING_TO_RELEASE;
            }
        }
        throw new IllegalStateException("unknown status " + status);
    }

    /**
     * Confirms the reservation paid by {@code payment}, which must hold the lock. Returns {@code false} when
     * this payment already confirmed it. A locked reservation confirms even past {@code expiresAt}: the lock
     * stopped the clock.
     */
    public boolean confirm(long payment) {
        switch (status) {
            case PAYING -> {
                if (!paidBy(payment)) {
                    throw new ReservationRefused(LOCKED_BY_OTHER_PAYMENT, "another payment holds the lock");
                }
                status = ReservationStatus.CONFIRMED;
                register(new ReservationEvent.ReservationConfirmed(id, userId, scheduleId, seatId, payment));
                return true;
            }
            case CONFIRMED -> {
                if (paidBy(payment)) {
                    return false;
                }
                throw new ReservationRefused(CONFIRMED_BY_OTHER_PAYMENT, "another payment already paid");
            }
            case HELD -> throw new ReservationRefused(NOT_LOCKED, "the reservation is not locked for this payment");
            case EXPIRED -> throw new ReservationRefused(EXPIRED, "the hold has expired");
            case CANCELLED -> throw new ReservationRefused(CANCELLED, "the reservation was cancelled");
        }
        throw new IllegalStateException("unknown status " + status);
    }

    /** Ends a held reservation whose time is up. A locked one never expires here (see {@link #unlock}). */
    public void expire(Instant now) {
        if (status != ReservationStatus.HELD || !isPastExpiry(now)) {
            throw new ReservationRefused(NOT_EXPIRABLE, "only a held reservation past its expiry can expire");
        }
        status = ReservationStatus.EXPIRED;
        registerExpired();
    }

    /** Gives up a held or locked reservation and frees its seat. */
    public void cancel() {
        switch (status) {
            case HELD, PAYING -> {
                status = ReservationStatus.CANCELLED;
                paymentId = null;
                register(new ReservationEvent.ReservationCancelled(id, userId, scheduleId, seatId));
            }
            case CONFIRMED -> throw new ReservationRefused(ALREADY_CONFIRMED, "the reservation is already paid");
            case EXPIRED -> throw new ReservationRefused(EXPIRED, "the hold has expired");
            case CANCELLED -> throw new ReservationRefused(CANCELLED, "the reservation was cancelled");
        }
    }

    /** Whether a held reservation's time is up at {@code now} (expiry is exclusive: at expiresAt it is over). */
    public boolean isPastExpiry(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isOwnedBy(long user) {
        return userId == user;
    }

    private boolean paidBy(long payment) {
        return paymentId != null && paymentId == payment;
    }

    /** The seat while this reservation keeps it from others, else {@code null}: stored as the unique key. */
    public Long activeSeatId() {
        return status.occupiesSeat() ? seatId : null;
    }

    public Long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public long scheduleId() {
        return scheduleId;
    }

    public long seatId() {
        return seatId;
    }

    public int seatNo() {
        return seatNo;
    }

    public long price() {
        return price;
    }

    public ReservationStatus status() {
        return status;
    }

    public Long paymentId() {
        return paymentId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
