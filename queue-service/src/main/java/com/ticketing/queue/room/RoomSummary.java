package com.ticketing.queue.room;

import com.ticketing.queue.domain.RoomState;

import java.time.Instant;

/** A room as users see it ({@code GET /v1/api/queue/rooms}); the estimate is a new arrival's. */
public record RoomSummary(long roomId, String name, RoomState state, Instant saleStartsAt, long waiting,
                          Long estimatedWaitSeconds, boolean waitOverOneDay) {
}
