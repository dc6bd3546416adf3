package com.ticketing.queue.domain;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A user's place in one room as the store sees it, with what the status answer needs of the room.
 *
 * @param tokenId       the token id of the place
 * @param status        pre-queue, waiting, admitted, or the room closed
 * @param position      waiting users ahead + 1 while WAITING; else 0
 * @param measuredRate  the room's admissions per second measured over all instances, when known
 * @param sessionEndsAt the admitted session's end (PROGRESS only)
 */
public record Place(String tokenId, QueueStatus status, long position, OptionalDouble measuredRate,
                    RoomState roomState, Instant saleStartsAt, RoomLimits limits, Instant sessionEndsAt) {

    public Place {
        if (status == QueueStatus.WAITING && position < 1) {
            throw new IllegalArgumentException("a waiting place has a position of at least 1");
        }
        if (status != QueueStatus.WAITING && position != 0) {
            throw new IllegalArgumentException("only a waiting place has a position");
        }
    }
}
