package com.ticketing.queue.domain.persistence;

import com.ticketing.common.auth.QueueReadModel;

/**
 * The Redis keys of one room. Every one carries the hash tag {@code {room-<id>}} ({@link QueueReadModel#roomPrefix}),
 * so one room's scripts touch one Redis Cluster slot. The layout is in the module README; the read model the gateway
 * uses ({@code active:}, {@code admitted}, {@code room}) is common's {@link QueueReadModel}.
 */
public record RoomKeys(long roomId, String prefix) {

    /** Set of room ids: the registry the admission step iterates. Its own slot; never touched by a room's script. */
    public static final String REGISTRY = "queue:rooms";
    /** Audit entries kept per room. */
    public static final int AUDIT_CAPACITY = 1_000;

    public static RoomKeys of(long roomId) {
        return new RoomKeys(roomId, QueueReadModel.roomPrefix(roomId));
    }

    /** Set of the room ids a user holds a place in (bounded per user). Its own slot, {@code {user-<id>}}. */
    public static String userRooms(long userId) {
        return "queue:user-rooms:{user-" + userId + "}";
    }

    /** Hash: state, name, saleStartsAt, openedAt, shuffleSeed, shuffled, maxActiveUsers, newUsersPerMinute, sessionMs. */
    public String room() {
        return QueueReadModel.roomKey(roomId);
    }

    /** Hash user id → token id of the user's place (waiting, pre-queue or admitted). */
    public String tokens() {
        return prefix + "tokens";
    }

    /** Hash user id → admitted-at (epoch ms). */
    public String admittedAt() {
        return prefix + "admitted-at";
    }

    /** Sorted set user id → arrival sequence (1..n after the opening's shuffle). Position = ZRANK + 1. */
    public String waiting() {
        return prefix + "waiting";
    }

    /** Sorted set user id → arrival sequence, before the sale start. */
    public String prequeue() {
        return prefix + "prequeue";
    }

    /** Sorted set waiting or pre-queue user id → last poll (epoch ms). */
    public String heartbeat() {
        return prefix + "heartbeat";
    }

    /** Sorted set admitted user id → session end (epoch ms). ZCARD = active users (contract). */
    public String admitted() {
        return QueueReadModel.admittedKey(roomId);
    }

    public String sequence() {
        return prefix + "seq";
    }

    /** Hash {tokens, ts}: the room's admission token bucket, shared by all instances. */
    public String bucket() {
        return prefix + "bucket";
    }

    /** Hash {ewma, ts}: the room's measured admission rate (users per second). */
    public String rate() {
        return prefix + "rate";
    }

    /** Sorted set of "ms:count:user" per admission step that admitted anyone, last minute only. */
    public String admits() {
        return prefix + "admits";
    }

    /** Sorted set of "ms:count:user" per step that dropped anyone as abandoned, last minute only. */
    public String abandons() {
        return prefix + "abandons";
    }

    /** List of JSON audit entries, newest first, capped at {@link #AUDIT_CAPACITY}. */
    public String audit() {
        return prefix + "audit";
    }

    /** The read model's prefix: {@code active:<tokenId>} → user id, TTL = the session's remaining time. */
    public String activePrefix() {
        return QueueReadModel.activeKeyPrefix(roomId);
    }

    public String active(String tokenId) {
        return QueueReadModel.activeKey(roomId, tokenId);
    }

    /** A consumed event's marker (duplicate guard) in this room's slot. */
    public String processed(String eventId) {
        return prefix + "processed:" + eventId;
    }
}
