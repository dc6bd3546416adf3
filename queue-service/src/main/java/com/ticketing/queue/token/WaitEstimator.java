package com.ticketing.queue.token;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Turns a position and the room's measured admission rate into {@code estimatedWaitSeconds} and
 * {@code pollAfterMs}. Clients are told to poll after about a quarter of their estimated wait, bounded by
 * {@code poll.min} and {@code poll.max}: the head of a long line polls every second, its tail every
 * {@code poll.max}, so the poll load grows with the log of the line length rather than with its length.
 * <p>
 * Until a rate has been measured, and while the room is PAUSED, the room's configured {@code newUsersPerMinute} is
 * assumed. The rate used is never below {@code maxActiveUsers / session} (capped by the configured rate): while
 * users wait, every session ends within its duration unless renewed. A pre-queue user polls by the time left to the
 * sale start, within the same bounds.
 */
@Component
public class WaitEstimator {

    /** Estimates above this set {@code waitOverOneDay}. */
    public static final long ONE_DAY_SECONDS = 86_400;
    private static final double POLL_FRACTION_OF_WAIT = 0.25;

    private final long pollMinMs;
    private final long pollMaxMs;

    public WaitEstimator(QueueProperties properties) {
        this.pollMinMs = properties.poll().min().toMillis();
        this.pollMaxMs = properties.poll().max().toMillis();
    }

    public Estimate estimate(Place place, Instant now) {
        return switch (place.status()) {
            case PROGRESS -> new Estimate(0L, false, pollMaxMs);
            case CLOSED -> new Estimate(null, false, pollMaxMs);
            case PRE_QUEUE -> new Estimate(null, false,
                    bounded(Math.max(0, Duration.between(now, place.saleStartsAt()).toMillis())));
            case WAITING -> forPosition(place.position(), place.measuredRate(), place.roomState(), place.limits());
        };
    }

    /** The estimate of someone at {@code position} in a room in {@code state} with {@code limits}. */
    public Estimate forPosition(long position, OptionalDouble measuredRate, RoomState state, RoomLimits limits) {
        double configured = limits.ratePerSecond();
        double floor = Math.min(configured, limits.maxActiveUsers() / (double) limits.sessionDurationSeconds());
        double rate = state == RoomState.OPEN ? measuredRate.orElse(configured) : configured;
        rate = Math.max(rate, floor);
        long waitSeconds = (long) Math.ceil(position / rate);
        long pollAfter = Math.round(position / rate * 1000 * POLL_FRACTION_OF_WAIT);
        return new Estimate(waitSeconds, waitSeconds > ONE_DAY_SECONDS, bounded(pollAfter));
    }

    private long bounded(long ms) {
        return Math.min(pollMaxMs, Math.max(pollMinMs, ms));
    }

    /** {@code estimatedWaitSeconds} is null when there is nothing to estimate (pre-queue, closed). */
    public record Estimate(Long estimatedWaitSeconds, boolean waitOverOneDay, long pollAfterMs) {
    }

}
