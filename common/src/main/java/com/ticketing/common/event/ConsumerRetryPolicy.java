package com.ticketing.common.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

/**
 * The suite's one retry policy for event consumers, two options of it, both spring-kafka's
 * {@link DefaultErrorHandler} with a {@link DeadLetterPublishingRecoverer}:
 * <ul>
 *   <li>{@link #deadLetterAfterRetries()} (the default handler of every consumer): a failure (its database briefly
 *   down, a lock timeout) is retried with exponential back-off, {@code initialInterval} doubling to
 *   {@code maxInterval}, for up to {@code maxElapsed}; then the record goes to {@code <topic>.DLT}.</li>
 *   <li>{@link #untilApplied()} (for events that are money already moved: a confirmation, a refund): retried with
 *   the same back-off <em>without end</em>. The partition waits (visible as consumer lag), nothing is lost,
 *   order is kept.</li>
 * </ul>
 * In both, an event that can never be processed ({@link EventJson.MalformedEventException}: unreadable envelope
 * or payload) goes to {@code <topic>.DLT} at once. Every dead letter is counted in {@code events.dead_lettered}.
 * Configured by {@code ticketing.events.retry.*} (see {@code EventsAutoConfiguration}).
 */
public final class ConsumerRetryPolicy {

    /** The listener container factory whose consumers retry until applied, for a service whose other consumers do not. */
    public static final String UNTIL_APPLIED_FACTORY = "untilAppliedListenerFactory";

    private final KafkaOperations<String, String> template;
    private final Counter deadLettered;
    private final Duration initialInterval;
    private final Duration maxInterval;
    private final Duration maxElapsed;

    public ConsumerRetryPolicy(KafkaOperations<String, String> template, MeterRegistry meters,
                               Duration initialInterval, Duration maxInterval, Duration maxElapsed) {
        this.template = template;
        this.deadLettered = Counter.builder("events.dead_lettered")
                .description("events sent to a dead-letter topic").register(meters);
        this.initialInterval = initialInterval;
        this.maxInterval = maxInterval;
        this.maxElapsed = maxElapsed;
    }

    /** Retries for up to {@code maxElapsed}, then dead-letters; unreadable events are dead-lettered at once. */
    public DefaultErrorHandler deadLetterAfterRetries() {
        return handler(backOff(initialInterval, maxInterval, maxElapsed));
    }

    /** Retries a readable event without end; only unreadable events are dead-lettered (at once). */
    public DefaultErrorHandler untilApplied() {
        return handler(backOff(initialInterval, maxInterval, null));
    }

    /**
     * Exponential back-off: {@code initial} doubling to {@code max} between attempts, for up to {@code maxElapsed}
     * ({@code null}: without end). Also for a consumer that must never dead-letter at all (a dead-letter replay).
     */
    public static ExponentialBackOff backOff(Duration initial, Duration max, Duration maxElapsed) {
        ExponentialBackOff backOff = new ExponentialBackOff(Math.min(initial.toMillis(), max.toMillis()), 2.0);
        backOff.setMaxInterval(max.toMillis());
        if (maxElapsed != null) {
            backOff.setMaxElapsedTime(maxElapsed.toMillis());
        }
        return backOff;
    }

    private DefaultErrorHandler handler(ExponentialBackOff backOff) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, (record, ex) -> {
            deadLettered.increment();
            return new TopicPartition(record.topic() + Topics.DLT_SUFFIX, -1);
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventJson.MalformedEventException.class);
        return handler;
    }
}
