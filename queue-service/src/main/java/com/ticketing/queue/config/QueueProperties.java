package com.ticketing.queue.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code ticketing.queue.*}: the waiting room's limits. Defaults fit a demo (users admitted within seconds);
 * every key can be overridden from the environment (see application.yml and the README).
 *
 * @param tokenSecret        HS256 key shared with the gateway (at least 32 bytes); no production default
 * @param tokenTtl           lifetime of a signed token; re-issuing (idempotent) hands out a fresh one
 * @param maxUserId          largest user id accepted on token issue
 * @param idleTimeout        a waiting or pre-queue user whose last poll is older than this loses the place
 * @param processedEventTtl  how long consumed event ids are remembered (duplicate deliveries)
 * @param maxRoomsPerUser    most rooms a user may hold a place in at once
 * @param demoRooms          rooms created OPEN at start-up when missing, e.g. {@code 1-24} or {@code 1,5,7}
 *                           (local profile only; production creates rooms through the operations API)
 * @param roomDefaults       a new room's limits when the operator names none (and the demo rooms')
 */
@Validated
@ConfigurationProperties("ticketing.queue")
public record QueueProperties(
        @NotBlank String tokenSecret,
        @NotNull @DefaultValue("1h") Duration tokenTtl,
        @Positive @DefaultValue("9007199254740991") long maxUserId,
        @NotNull @DefaultValue("60s") Duration idleTimeout,
        @NotNull @DefaultValue("24h") Duration processedEventTtl,
        @Positive @DefaultValue("3") int maxRoomsPerUser,
        @NotNull @DefaultValue("") String demoRooms,
        @Valid @NotNull @DefaultValue RoomDefaults roomDefaults,
        @Valid @NotNull @DefaultValue Admission admission,
        @Valid @NotNull @DefaultValue Poll poll) {

    public QueueProperties {
        if (poll != null && idleTimeout != null && poll.max().multipliedBy(2).compareTo(idleTimeout) > 0) {
            throw new IllegalArgumentException("ticketing.queue.poll.max (" + poll.max()
                    + ") must be at most half of ticketing.queue.idle-timeout (" + idleTimeout
                    + "): a client that polls as told must never be dropped as idle");
        }
        if (poll != null && poll.min().compareTo(poll.max()) > 0) {
            throw new IllegalArgumentException("ticketing.queue.poll.min must not exceed ticketing.queue.poll.max");
        }
        requirePositive("token-ttl", tokenTtl);
        requirePositive("idle-timeout", idleTimeout);
        requirePositive("processed-event-ttl", processedEventTtl);
    }

    /**
     * A new room's limits when none are given ({@code ticketing.queue.room-defaults.*}).
     *
     * @param maxActiveUsers    admitted sessions at once, over all instances
     * @param newUsersPerMinute admissions per minute, over all instances
     * @param sessionDuration   an admitted session's length after the last activity (30 s .. 1 h)
     */
    public record RoomDefaults(
            @Positive @DefaultValue("2000") int maxActiveUsers,
            @Positive @DefaultValue("30000") int newUsersPerMinute,
            @NotNull @DefaultValue("10m") Duration sessionDuration) {

        public RoomDefaults {
            requirePositive("room-defaults.session-duration", sessionDuration);
        }
    }

    /**
     * @param schedulerEnabled whether this instance runs the admission step on a timer (every instance may)
     * @param interval         how often each instance runs the admission step
     * @param maxBatch         most users one step moves (bounds the script's run time)
     * @param purgeBatch       most ended admissions and most idle users one step removes
     * @param rateSmoothing    time constant of the measured admission rate (EWMA)
     */
    public record Admission(
            @DefaultValue("true") boolean schedulerEnabled,
            @NotNull @DefaultValue("500ms") Duration interval,
            @Positive @DefaultValue("1000") int maxBatch,
            @Positive @DefaultValue("500") int purgeBatch,
            @NotNull @DefaultValue("20s") Duration rateSmoothing) {

        public Admission {
            requirePositive("admission.interval", interval);
            requirePositive("admission.rate-smoothing", rateSmoothing);
        }
    }

    /** Bounds of the {@code pollAfterMs} hint. */
    public record Poll(@NotNull @DefaultValue("1s") Duration min, @NotNull @DefaultValue("20s") Duration max) {

        public Poll {
            requirePositive("poll.min", min);
            requirePositive("poll.max", max);
        }
    }

    private static void requirePositive(String key, Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("ticketing.queue." + key + " must be positive");
        }
    }
}
