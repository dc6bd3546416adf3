package com.ticketing.reservation.domain.events;

import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.common.outbox.OutboxWriter;
import com.ticketing.reservation.domain.ReservationEvent;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Writes reservation events to the outbox, inside the caller's transaction (the one that made the change),
 * keyed by reservation id. The store drains the events a {@link com.ticketing.reservation.domain.Reservation}
 * registered; {@link #append} is for the one event that is no transition ({@code ReservationConfirmationFailed}).
 */
@Component
public class ReservationEvents {

    private final OutboxWriter outbox;

    public ReservationEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void append(ReservationEvent event) {
        outbox.append(Topics.RESERVATION_EVENTS, typeOf(event), event.reservationId(), event);
    }

    /** The event's type name on {@code reservation.events}. */
    static String typeOf(ReservationEvent event) {
        if (event instanceof ReservationEvent.SeatHeld) {
            return EventTypes.SEAT_HELD;
        }
        if (event instanceof ReservationEvent.ReservationConfirmed) {
            return EventTypes.RESERVATION_CONFIRMED;
        }
        if (event instanceof ReservationEvent.ReservationConfirmationFailed) {
            return EventTypes.RESERVATION_CONFIRMATION_FAILED;
        }
        if (event instanceof ReservationEvent.ReservationExpired) {
            return EventTypes.RESERVATION_EXPIRED;
        }
        if (event instanceof ReservationEvent.ReservationCancelled) {
            return EventTypes.RESERVATION_CANCELLED;
        }
        throw new IllegalArgumentException("no type name for " + event);
    }

    public void appendAll(List<ReservationEvent> events) {
        events.forEach(this::append);
    }
}
