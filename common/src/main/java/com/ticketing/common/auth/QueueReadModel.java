package com.ticketing.common.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The waiting rooms' published read model, written by queue-service and read by the gateway (see docs/contracts.md,
 * "Waiting rooms"). Every key of a room carries the room as a Redis Cluster hash tag, {@code {room-<id>}}, so that
 * one room's scripts touch one slot:
 * <ul>
 *   <li>{@code queue:{room-<id>}:active:<tokenId>}: the user id while that token's holder is admitted to the room,
 *       with a TTL equal to the remaining session;</li>
 *   <li>{@code queue:{room-<id>}:admitted}: sorted set of admitted user ids scored by their session's end (epoch ms);
 *       its size is the room's active users;</li>
 *   <li>{@code queue:{room-<id>}:room}: the room's hash; field {@value #SESSION_MS_FIELD} is the session duration.</li>
 * </ul>
 * The gateway runs {@link #SESSION_CHECK_SCRIPT} on every admitted request: it checks the read model and renews
 * the session (activity renews it; polling the line does not).
 */
public final class QueueReadModel {

    /** Field of the room hash: the admitted session's duration in ms, renewed by activity. */
    public static final String SESSION_MS_FIELD = "sessionMs";

    /**
     * KEYS: active key, admitted set, room hash; ARGV: user id, now in epoch ms ('' = Redis {@code TIME}), the
     * renewal step in ms. Returns 0 when the token's holder is not admitted to the room, else the session's
     * remaining ms.
     */
    public static final String SESSION_CHECK_SCRIPT = resource("queue-session-check.lua");

    private QueueReadModel() {
    }

    /** The hash tag of a room's keys: {@code {room-<id>}}. */
    public static String roomTag(long roomId) {
        if (roomId < 1) {
            throw new IllegalArgumentException("room id must be positive");
        }
        return "{room-" + roomId + "}";
    }

    /** {@code queue:{room-<id>}:} — the prefix of every key of the room. */
    public static String roomPrefix(long roomId) {
        return "queue:" + roomTag(roomId) + ":";
    }

    public static String activeKeyPrefix(long roomId) {
        return roomPrefix(roomId) + "active:";
    }

    public static String activeKey(long roomId, String tokenId) {
        return activeKeyPrefix(roomId) + tokenId;
    }

    public static String admittedKey(long roomId) {
        return roomPrefix(roomId) + "admitted";
    }

    public static String roomKey(long roomId) {
        return roomPrefix(roomId) + "room";
    }

    private static String resource(String name) {
        try (InputStream in = QueueReadModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
