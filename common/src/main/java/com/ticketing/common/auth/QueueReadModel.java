package com.ticketing.common.auth;

/**
 * The queue's published read model, written by queue-service and read by the gateway:
 * {@code queue:active:{tokenId}} holds the user id while that token's holder is admitted, with a TTL equal
 * to the remaining active time. See docs/contracts.md.
 */
public final class QueueReadModel {

    public static final String ACTIVE_KEY_PREFIX = "queue:active:";

    private QueueReadModel() {
    }

    public static String activeKey(String tokenId) {
        return ACTIVE_KEY_PREFIX + tokenId;
    }
}
