package com.ticketing.queue.admission;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.AdmissionLimits;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.persistence.QueueStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

/**
 * Moves the head of the line to active within the configured limits. Every instance runs it (see
 * {@link AdmissionScheduler}); the Redis script enforces {@code maxActive} and the shared rate, so running it
 * on more instances never admits more.
 */
@Service
public class AdmittingUsers {

    private final QueueStore store;
    private final AdmissionLimits limits;
    private final Counter admitted;
    private final Counter ended;
    private final Counter droppedIdle;

    public AdmittingUsers(QueueStore store, QueueProperties properties, MeterRegistry meters) {
        this.store = store;
        this.limits = AdmissionLimits.from(properties);
        this.admitted = Counter.builder("queue.admitted")
                .description("users admitted by this instance (rate = admissions per second)").register(meters);
        this.ended = Counter.builder("queue.admissions.ended")
                .description("admissions that ran out (active TTL) and were purged").register(meters);
        this.droppedIdle = Counter.builder("queue.waiting.dropped")
                .description("waiting users dropped for not polling").register(meters);
        Gauge.builder("queue.waiting.size", store, QueueStore::waitingSize)
                .description("users waiting in line (ZCARD)").register(meters);
        Gauge.builder("queue.active.size", store, QueueStore::activeSize)
                .description("admitted users (ZCARD)").register(meters);
    }

    public AdmissionLimits limits() {
        return limits;
    }

    public AdmissionResult admitNext() {
        return admitNext(limits);
    }

    /** One step under explicit limits (the configured ones in production). */
    public AdmissionResult admitNext(AdmissionLimits limits) {
        AdmissionResult result = store.admit(limits);
        admitted.increment(result.admitted());
        ended.increment(result.ended());
        droppedIdle.increment(result.droppedIdle());
        return result;
    }
}
