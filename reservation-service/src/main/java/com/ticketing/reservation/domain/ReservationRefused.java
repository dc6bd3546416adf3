package com.ticketing.reservation.domain;

/** A transition the reservation's current state does not allow. Nothing was changed. */
public class ReservationRefused extends RuntimeException {

    /** Why the transition was refused. The names are stable: they travel as event reasons. */
    public enum Reason {
        /** The hold ran out (or was already expired). */
        EXPIRED,
        /** The reservation was cancelled. */
        CANCELLED,
        /** Another payment holds the lock. */
        LOCKED_BY_OTHER_PAYMENT,
        /** Another payment already paid for it. */
        CONFIRMED_BY_OTHER_PAYMENT,
        /** It is paid; a lock can no longer be released. */
        ALREADY_CONFIRMED,
        /** Confirmation needs a payment lock, and there is none. */
        NOT_LOCKED,
        /** Only a held reservation expires, and only once its time is up. */
        NOT_EXPIRABLE,
        /** The payment gave the reservation up (it was unlocked for it): it may never lock it again. */
        LOCK_REFUSED
    }

    private final Reason reason;

    public ReservationRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
