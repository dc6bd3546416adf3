package com.ticketing.common.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock the tests move forward by hand ("five minutes later") without sleeping. Either it stands still at a
 * given instant ({@link #at}) and moves only when told, or it follows the system clock ({@link #ticking}), for
 * tests whose code also compares with real time (database timestamps, timeouts).
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** Stands at {@code start} until advanced. */
    public static MutableClock at(Instant start) {
        return new MutableClock(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** The system clock, plus however far the test has advanced it. */
    public static MutableClock ticking() {
        return new MutableClock(Clock.systemUTC());
    }

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Back to the base clock: the start instant, or the system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
