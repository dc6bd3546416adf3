package com.ticketing.queue.paidslot;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.PaidSlotRelease;
import com.ticketing.queue.domain.persistence.QueueStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * A user who paid leaves the room's protected area: the session ends and the slot frees up for the next in line.
 * The room is the payment's schedule; an event without one (from before rooms) ends the payer's sessions in every
 * room the user holds a place in ({@code queue:user-rooms}). Exactly once in effect per event and room (Redis
 * {@code SET NX} on the event id in the room's slot), and an event older than the user's current admission (a
 * replay, or delivered late) leaves the newer admission alone.
 */
@Service
public class FreeingPaidSlots {

    private final QueueStore store;
    private final QueueProperties properties;
    private final Counter freed;

    public FreeingPaidSlots(QueueStore store, QueueProperties properties, MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.freed = Counter.builder("queue.slots.freed.payment")
                .description("admitted sessions ended by PaymentCompleted").register(meters);
    }

    /** What happened in each room; FREED when any session ended. */
    public PaidSlotRelease free(String eventId, long userId, Long roomId, Instant paidAt) {
        List<Long> rooms = roomId != null ? List.of(roomId) : List.copyOf(store.userRooms(userId));
        PaidSlotRelease outcome = roomId != null ? null : PaidSlotRelease.NO_SLOT_FROM_BEFORE_THE_PAYMENT;
        for (long room : rooms) {
            PaidSlotRelease release = store.freePaidSlot(room, eventId, userId, paidAt, properties.processedEventTtl());
            if (release == PaidSlotRelease.FREED) {
                freed.increment();
                outcome = PaidSlotRelease.FREED;
            } else if (outcome == null || outcome != PaidSlotRelease.FREED && release == PaidSlotRelease.DUPLICATE) {
                outcome = release;
            }
        }
        return outcome;
    }
}
