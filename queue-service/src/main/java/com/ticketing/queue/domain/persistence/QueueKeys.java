package com.ticketing.queue.domain.persistence;

/**
 * Every Redis key of the waiting room (documented in the module README; the gateway depends on
 * {@link #ACTIVE_PREFIX}). All scripts run against one Redis primary: some keys are derived inside the
 * scripts, so the layout is not meant for Redis Cluster slot routing.
 */
public final class QueueKeys {

    /** String counter: the arrival sequence, the score of {@link #WAITING}. */
    public static final String SEQUENCE = "queue:seq";
    /** Sorted set: waiting user ids scored by arrival sequence. Position = ZRANK + 1. */
    public static final String WAITING = "queue:waiting";
    /** Sorted set: waiting user ids scored by their last poll (epoch ms, Redis clock). */
    public static final String HEARTBEAT = "queue:heartbeat";
    /** Sorted set: admitted user ids scored by the end of their admission (epoch ms). ZCARD = active users. */
    public static final String ADMITTED = "queue:admitted";
    /** Hash {tokens, ts}: the admission token bucket shared by all instances. */
    public static final String BUCKET = "queue:admission:bucket";
    /** Hash {ewma, ts}: the measured admission rate (users per second). */
    public static final String RATE = "queue:admission:rate";
    /** Read model (contract with the gateway): {@code queue:active:{tokenId}} = user id, TTL = remaining active time. */
    public static final String ACTIVE_PREFIX = com.ticketing.common.auth.QueueReadModel.ACTIVE_KEY_PREFIX;
    /** Hash {@code queue:user:{userId}} {t: token id, a: admitted-at epoch ms}: the user's one place. */
    public static final String USER_PREFIX = "queue:user:";
    /** String {@code queue:processed:{eventId}}: a consumed event (duplicate guard), with a TTL. */
    public static final String PROCESSED_PREFIX = "queue:processed:";

    private QueueKeys() {
    }

    public static String user(long userId) {
        return USER_PREFIX + userId;
    }

    public static String active(String tokenId) {
        return ACTIVE_PREFIX + tokenId;
    }

    public static String processed(String eventId) {
        return PROCESSED_PREFIX + eventId;
    }
}
