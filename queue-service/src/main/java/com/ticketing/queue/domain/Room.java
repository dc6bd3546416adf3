package com.ticketing.queue.domain;

import java.time.Instant;

/**
 * A waiting room: one per schedule (its id is the schedule's id), so each sale has its own line and limits.
 *
 * @param openedAt    when the pre-queue was shuffled into the line (null before, and for a room created OPEN)
 * @param shuffleSeed the seed of that shuffle (null when none happened): the order can be replayed from it
 */
public record Room(long roomId, String name, RoomState state, Instant saleStartsAt, Instant openedAt, Long shuffleSeed,
                   RoomLimits limits) {
}
