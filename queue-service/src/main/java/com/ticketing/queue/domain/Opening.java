package com.ticketing.queue.domain;

import java.time.Instant;

/** A room's opening: its pre-queue of {@code shuffled} users put in line in the order {@code seed} gives. */
public record Opening(long roomId, long seed, int shuffled, int droppedIdle, Instant openedAt) {
}
