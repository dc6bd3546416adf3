package com.ticketing.queue.room;

import com.ticketing.queue.domain.RoomState;

import java.time.Instant;

/** A room's settings and figures as operators see them ({@code /v1/api/admin/rooms}). */
public record RoomDetails(long roomId, String name, RoomState state, Instant saleStartsAt, Instant openedAt,
                          Long shuffleSeed, int maxActiveUsers, int newUsersPerMinute, int sessionDurationSeconds,
                          long waiting, long preQueue, long active, long admittedLastMinute, long abandonedLastMinute,
                          Long estimatedWaitSeconds) {
}
