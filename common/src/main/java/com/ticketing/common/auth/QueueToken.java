package com.ticketing.common.auth;

import java.time.Instant;

/** The verified content of a queue token: who it belongs to and which place in the queue it stands for. */
public record QueueToken(long userId, String tokenId, Instant expiresAt) {
}
