package com.ticketing.payment.payment;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Payment ids: milliseconds since 2025-01-01 shifted left 12 bits, plus 12 random bits. Unlike an
 * AUTO_INCREMENT they are never handed out again after this schema is reset, which matters because
 * user-service deduplicates debits by payment id: a recycled id would be answered "already debited".
 * They stay below 2^53 (exact in JavaScript clients) for about 69 years; a rare collision is a duplicate
 * primary key and the insert is retried with a fresh id.
 */
public final class PaymentIds {

    private static final long EPOCH_MILLIS = 1_735_689_600_000L; // 2025-01-01T00:00:00Z
    private static final int RANDOM_BITS = 12;

    private final Clock clock;

    public PaymentIds(Clock clock) {
        this.clock = clock;
    }

    public long next() {
        long millis = Math.max(1, clock.millis() - EPOCH_MILLIS);
        return (millis << RANDOM_BITS) | ThreadLocalRandom.current().nextInt(1 << RANDOM_BITS);
    }
}
