package com.ticketing.reservation.domain;

import java.time.Instant;

/**
 * The events of the reservation aggregate (past tense; the envelope carries eventId and occurredAt). The
 * transitions of {@link Reservation} register them; the store writes them to the outbox with the state change.
 * Payloads are exactly the fields of docs/contracts.md; the type names on the wire are given where they are
 * written ({@code ReservationEvents}).
 */
public sealed interface ReservationEvent {

    long reservationId();

    record SeatHeld(long reservationId, long userId, long scheduleId, long seatId, long price,
                    Instant expiresAt) implements ReservationEvent {
    }

    record ReservationConfirmed(long reservationId, long userId, long scheduleId, long seatId,
                                long paymentId) implements ReservationEvent {
    }

    /**
     * A completed payment that could not confirm its reservation (not a transition: the reservation may be
     * unknown). {@code scheduleId}/{@code seatId} are null when the reservation is unknown.
     */
    record ReservationConfirmationFailed(long reservationId, long userId, Long scheduleId, Long seatId,
                                         long paymentId, String reason) implements ReservationEvent {
    }

    record ReservationExpired(long reservationId, long userId, long scheduleId, long seatId)
            implements ReservationEvent {
    }

    record ReservationCancelled(long reservationId, long userId, long scheduleId, long seatId)
            implements ReservationEvent {
    }
}
