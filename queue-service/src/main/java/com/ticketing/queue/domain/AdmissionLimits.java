package com.ticketing.queue.domain;

import com.ticketing.queue.config.QueueProperties;

import java.time.Duration;

/**
 * The limits one admission step enforces. {@code burst} is the most one step may admit and the capacity of
 * the shared token bucket: {@code ratePerSecond x interval}, at least 1.
 */
public record AdmissionLimits(int maxActive, int ratePerSecond, int burst, Duration activeTtl, Duration idleTimeout,
                              int purgeBatch, int maxBatch, Duration rateSmoothing) {

    public AdmissionLimits {
        if (maxActive < 0 || ratePerSecond < 1 || burst < 1 || purgeBatch < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("admission limits must be positive");
        }
        if (activeTtl.toMillis() < 1 || idleTimeout.toMillis() < 1 || rateSmoothing.toMillis() < 1) {
            throw new IllegalArgumentException("admission durations must be at least 1 ms");
        }
    }

    public static AdmissionLimits from(QueueProperties p) {
        QueueProperties.Admission a = p.admission();
        int burst = (int) Math.max(1, Math.round(a.ratePerSecond() * (a.interval().toMillis() / 1000.0)));
        return new AdmissionLimits(a.maxActive(), a.ratePerSecond(), burst, p.activeTtl(), p.idleTimeout(),
                a.purgeBatch(), a.maxBatch(), a.rateSmoothing());
    }
}
