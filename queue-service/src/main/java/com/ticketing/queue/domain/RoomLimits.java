package com.ticketing.queue.domain;

/**
 * A room's limits, read by every admission step (so a change applies at the next one).
 *
 * @param maxActiveUsers         admitted sessions at once
 * @param newUsersPerMinute      admissions per minute (a token bucket shared by every instance)
 * @param sessionDurationSeconds an admitted session lasts this long after the last activity
 */
public record RoomLimits(int maxActiveUsers, int newUsersPerMinute, int sessionDurationSeconds) {

    public static final int MAX_ACTIVE_USERS = 1_000_000;
    public static final int MAX_NEW_USERS_PER_MINUTE = 6_000_000;
    public static final int MIN_SESSION_SECONDS = 30;
    public static final int MAX_SESSION_SECONDS = 3_600;

    public RoomLimits {
        if (maxActiveUsers < 1 || maxActiveUsers > MAX_ACTIVE_USERS) {
            throw new IllegalArgumentException("maxActiveUsers must be between 1 and " + MAX_ACTIVE_USERS);
        }
        if (newUsersPerMinute < 1 || newUsersPerMinute > MAX_NEW_USERS_PER_MINUTE) {
            throw new IllegalArgumentException("newUsersPerMinute must be between 1 and " + MAX_NEW_USERS_PER_MINUTE);
        }
        if (sessionDurationSeconds < 1 || sessionDurationSeconds > MAX_SESSION_SECONDS) {
            throw new IllegalArgumentException("sessionDurationSeconds must be between 1 and " + MAX_SESSION_SECONDS);
        }
    }

    public long sessionMs() {
        return sessionDurationSeconds * 1000L;
    }

    /** Admissions per second the limits allow. */
    public double ratePerSecond() {
        return newUsersPerMinute / 60.0;
    }
}
