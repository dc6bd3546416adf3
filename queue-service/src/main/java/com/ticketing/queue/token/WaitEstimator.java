package com.ticketing.queue.token;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a position and the measured admission rate into {@code estimatedWaitSeconds} and {@code pollAfterMs}.
 * Clients are told to poll after about a quarter of their estimated wait, bounded by {@code poll.min} and
 * {@code poll.max}: the head of a long line polls every second, its tail every {@code poll.max}, so the poll
 * load grows with the log of the line length rather than with its length.
 * <p>
 * Until a rate has been measured, the configured rate is assumed. The rate used is never below
 * {@code maxActive / activeTtl}: while users wait, every active slot ends within {@code activeTtl}, so at
 * least that many users per second get in even when nobody pays or leaves.
 */
@Component
public class WaitEstimator {

    private static final double POLL_FRACTION_OF_WAIT = 0.25;

    private final double assumedRate;
    private final double floorRate;
    private final long pollMinMs;
    private final long pollMaxMs;

    public WaitEstimator(QueueProperties properties) {
        this.assumedRate = properties.admission().ratePerSecond();
        double turnover = properties.admission().maxActive() / (properties.activeTtl().toMillis() / 1000.0);
        this.floorRate = Math.min(assumedRate, turnover);
        this.pollMinMs = properties.poll().min().toMillis();
        this.pollMaxMs = properties.poll().max().toMillis();
    }

    public Estimate estimate(Place place) {
        if (place.status() == QueueStatus.PROGRESS) {
            return new Estimate(0, pollMaxMs);
        }
        double rate = Math.max(place.measuredRate().orElse(assumedRate), floorRate);
        long waitSeconds = (long) Math.ceil(place.position() / rate);
        long pollAfter = Math.round(place.position() / rate * 1000 * POLL_FRACTION_OF_WAIT);
        return new Estimate(waitSeconds, Math.min(pollMaxMs, Math.max(pollMinMs, pollAfter)));
    }

    public record Estimate(long estimatedWaitSeconds, long pollAfterMs) {
    }
}
