package com.ticketing.queue.domain;

import java.util.OptionalDouble;

/**
 * A user's place as the store sees it.
 *
 * @param tokenId      the token id of the place (null when only the status was asked)
 * @param status       waiting or admitted
 * @param position     waiting users ahead + 1; 0 once admitted
 * @param measuredRate admissions per second measured over all instances, when known
 */
public record Place(String tokenId, QueueStatus status, long position, OptionalDouble measuredRate) {

    public Place {
        if (status == QueueStatus.WAITING && position < 1) {
            throw new IllegalArgumentException("a waiting place has a position of at least 1");
        }
        if (status == QueueStatus.PROGRESS && position != 0) {
            throw new IllegalArgumentException("an admitted place has position 0");
        }
    }
}
