package com.ticketing.queue.domain;

import java.time.Duration;

/**
 * What every room's admission step shares (the limits themselves are the room's).
 *
 * @param idleTimeout   a waiting user whose last poll is older is dropped, never admitted
 * @param purgeBatch    most ended sessions and most idle users one step removes; also the most stale candidates
 *                      one step skips while admitting
 * @param maxBatch      most admissions per step (bounds the script's run time)
 * @param rateSmoothing time constant of the measured admission rate (EWMA)
 * @param interval      how often each instance runs the step (the token bucket holds rate x interval)
 */
public record AdmissionSettings(Duration idleTimeout, int purgeBatch, int maxBatch, Duration rateSmoothing,
                                Duration interval) {

    public AdmissionSettings {
        if (purgeBatch < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("batches must be positive");
        }
        if (idleTimeout.toMillis() < 1 || rateSmoothing.toMillis() < 1 || interval.toMillis() < 1) {
            throw new IllegalArgumentException("admission durations must be at least 1 ms");
        }
    }
}
