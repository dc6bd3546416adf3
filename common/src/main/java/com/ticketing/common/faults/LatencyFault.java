package com.ticketing.common.faults;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latency currently injected into this process's requests, if any. Each injection expires by itself, so
 * a test that dies half-way never leaves a slow service behind.
 *
 * @see FaultController
 */
public class LatencyFault {

    /** One injection: requests whose path starts with {@code pathPrefix} wait {@code delayMs} until {@code until}. */
    public record Injection(long delayMs, String pathPrefix, Instant until) {
    }

    private final AtomicReference<Injection> current = new AtomicReference<>();
    private final Clock clock;

    public LatencyFault(Clock clock) {
        this.clock = clock;
    }

    public void inject(Injection injection) {
        current.set(injection);
    }

    /** The injection in force, or null (clearing an expired one). */
    public Injection active() {
        Injection injection = current.get();
        if (injection != null && !clock.instant().isBefore(injection.until())) {
            current.compareAndSet(injection, null);
            return null;
        }
        return injection;
    }

    /** The delay for a request to {@code path}: 0 unless an active injection covers it. */
    public long delayFor(String path) {
        Injection injection = active();
        if (injection == null || path.startsWith(FaultController.PATH) || !path.startsWith(injection.pathPrefix())) {
            return 0;
        }
        return injection.delayMs();
    }

    public Injection clear() {
        return current.getAndSet(null);
    }
}
