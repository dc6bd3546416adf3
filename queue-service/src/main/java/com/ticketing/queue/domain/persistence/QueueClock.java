package com.ticketing.queue.domain.persistence;

import java.time.Clock;
import java.time.Instant;

/**
 * The time the scripts use. In production they read Redis {@code TIME} (the argument is {@code ''}), so instance
 * clocks do not matter; tests pass a controllable clock's epoch ms instead, to move "ten minutes later" without
 * sleeping.
 */
public final class QueueClock {

    private final Clock clock;

    private QueueClock(Clock clock) {
        this.clock = clock;
    }

    /** Scripts read Redis TIME; {@link #now()} is this JVM's clock (audit timestamps, sale-start checks). */
    public static QueueClock redisTime() {
        return new QueueClock(null);
    }

    /** Scripts and {@link #now()} follow {@code clock}. */
    public static QueueClock of(Clock clock) {
        return new QueueClock(clock);
    }

    /** The scripts' {@code now} argument: epoch ms, or '' for Redis TIME. */
    public String scriptArg() {
        return clock == null ? "" : Long.toString(clock.millis());
    }

    public Instant now() {
        return clock == null ? Instant.now() : clock.instant();
    }
}
