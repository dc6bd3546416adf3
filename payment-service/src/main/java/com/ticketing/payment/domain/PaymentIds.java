package com.ticketing.payment.domain;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Payment ids: {@code seconds since 2025-01-01 (31 bits) | instance tag (8 bits, random per process) | counter
 * (14 bits)}. Unlike an AUTO_INCREMENT they are never handed out again after this schema is reset, which
 * matters because user-service deduplicates debits by payment id: a recycled id would be answered "already
 * debited" and nothing would be charged. They grow with time, stay below 2^53 (exact in JavaScript clients)
 * until 2093, and one instance issues 16,384 a second before it borrows from the next second. Two instances
 * with the same tag may collide; that is a duplicate primary key and the insert is retried with the next id.
 */
public final class PaymentIds {

    private static final long EPOCH_SECONDS = 1_735_689_600L; // 2025-01-01T00:00:00Z
    private static final int COUNTER_BITS = 14;
    private static final int TAG_BITS = 8;

    private final Clock clock;
    private final long tag = ThreadLocalRandom.current().nextInt(1 << TAG_BITS);
    /** seconds << COUNTER_BITS | counter of the last id issued. */
    private final AtomicLong last = new AtomicLong();

    public PaymentIds(Clock clock) {
        this.clock = clock;
    }

    public long next() {
        long floor = Math.max(1, clock.millis() / 1000 - EPOCH_SECONDS) << COUNTER_BITS;
        long issued = last.updateAndGet(previous -> Math.max(previous + 1, floor));
        long seconds = issued >>> COUNTER_BITS;
        long counter = issued & ((1L << COUNTER_BITS) - 1);
        return (seconds << (TAG_BITS + COUNTER_BITS)) | (tag << COUNTER_BITS) | counter;
    }
}
