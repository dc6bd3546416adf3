package com.ticketing.queue.paidslot;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.PaidSlotRelease;
import com.ticketing.queue.domain.persistence.QueueStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Instant;

/**
 * A user who paid leaves the protected area: the slot frees up for the next in line. Exactly once in effect
 * per event (Redis {@code SET NX} on the event id), and an event that is older than the user's current
 * admission (a replay, or delivered late) leaves the newer admission alone.
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
                .description("active slots freed by PaymentCompleted").register(meters);
    }

    public PaidSlotRelease free(String eventId, long userId, Instant paidAt) {
        PaidSlotRelease release = store.freePaidSlot(eventId, userId, paidAt, properties.processedEventTtl());
        if (release == PaidSlotRelease.FREED) {
            freed.increment();
        }
        return release;
    }
}
