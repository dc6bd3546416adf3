package com.ticketing.common.auth;

import java.time.Instant;

/**
 * The verified content of a waiting-room token: who it belongs to, which place it stands for, and in which room.
 *
 * @param userId    the user the token was issued to (JWT {@code sub})
 * @param tokenId   the place in the room's line (JWT {@code jti})
 * @param roomId    the waiting room (claim {@code room}); a room's id is its schedule's id
 * @param expiresAt when the signed token stops being accepted (JWT {@code exp})
 */
public record QueueToken(long userId, String tokenId, long roomId, Instant expiresAt) {
}
