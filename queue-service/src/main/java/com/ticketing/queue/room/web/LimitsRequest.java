package com.ticketing.queue.room.web;

import com.ticketing.queue.domain.RoomLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code PUT /v1/api/admin/rooms/{roomId}/limits}: any of the three, at least one. */
record LimitsRequest(
        @Min(1) @Max(RoomLimits.MAX_ACTIVE_USERS) Integer maxActiveUsers,
        @Min(1) @Max(RoomLimits.MAX_NEW_USERS_PER_MINUTE) Integer newUsersPerMinute,
        @Min(RoomLimits.MIN_SESSION_SECONDS) @Max(RoomLimits.MAX_SESSION_SECONDS) Integer sessionDurationSeconds) {
}
