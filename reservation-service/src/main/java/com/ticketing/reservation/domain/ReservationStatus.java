package com.ticketing.reservation.domain;

/** Where a reservation is in its lifecycle: hold → lock for payment → confirm; lock → unlock; hold → expire. */
public enum ReservationStatus {
    /** The seat is held for the user until {@code expiresAt}. */
    HELD,
    /** A payment is in flight; the hold does not expire under it. */
    PAYING,
    /** Paid: the seat is sold. */
    CONFIRMED,
    /** The hold ran out before it was paid; the seat is free again. */
    EXPIRED,
    /** Given up (e.g. its payment could not be confirmed); the seat is free again. */
    CANCELLED;

    /** Whether a reservation in this state keeps its seat from anybody else. */
    public boolean occupiesSeat() {
        return this == HELD || this == PAYING || this == CONFIRMED;
    }
}
