package com.ticketing.reservation.reservation.events;

import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.common.outbox.OutboxWriter;
import com.ticketing.reservation.reservation.Reservation;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Writes the reservation's events to the outbox, inside the caller's transaction (the one that made the
 * change), keyed by reservation id. Payloads are exactly the fields of docs/contracts.md.
 */
@Component
public class ReservationEvents {

    /** The events of the reservation aggregate (past tense; the envelope carries eventId and occurredAt). */
    public sealed interface ReservationEvent permits SeatHeld, ReservationConfirmed, ReservationConfirmationFailed,
            ReservationExpired, ReservationCancelled {
        long reservationId();
    }

    public record SeatHeld(long reservationId, long userId, long scheduleId, long seatId, long price,
                           Instant expiresAt) implements ReservationEvent {
    }

    public record ReservationConfirmed(long reservationId, long userId, long scheduleId, long seatId,
                                       long paymentId) implements ReservationEvent {
    }

    /** {@code scheduleId}/{@code seatId} are null when the reservation is unknown. */
    public record ReservationConfirmationFailed(long reservationId, long userId, Long scheduleId, Long seatId,
                                                long paymentId, String reason) implements ReservationEvent {
    }

    public record ReservationExpired(long reservationId, long userId, long scheduleId, long seatId)
            implements ReservationEvent {
    }

    public record ReservationCancelled(long reservationId, long userId, long scheduleId, long seatId)
            implements ReservationEvent {
    }

    private final OutboxWriter outbox;

    public ReservationEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void seatHeld(Reservation r) {
        append(EventTypes.SEAT_HELD, new SeatHeld(r.id(), r.userId(), r.scheduleId(), r.seatId(), r.price(), r.expiresAt()));
    }

    public void confirmed(Reservation r) {
        append(EventTypes.RESERVATION_CONFIRMED,
                new ReservationConfirmed(r.id(), r.userId(), r.scheduleId(), r.seatId(), r.paymentId()));
    }

    public void confirmationFailed(ReservationConfirmationFailed event) {
        append(EventTypes.RESERVATION_CONFIRMATION_FAILED, event);
    }

    public void expired(Reservation r) {
        append(EventTypes.RESERVATION_EXPIRED, new ReservationExpired(r.id(), r.userId(), r.scheduleId(), r.seatId()));
    }

    public void cancelled(Reservation r) {
        append(EventTypes.RESERVATION_CANCELLED, new ReservationCancelled(r.id(), r.userId(), r.scheduleId(), r.seatId()));
    }

    private void append(String type, ReservationEvent event) {
        outbox.append(Topics.RESERVATION_EVENTS, type, event.reservationId(), event);
    }
}
