package com.ticketing.queue.room.web;

import com.ticketing.common.web.Ids;
import com.ticketing.queue.domain.RoomLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** {@code POST /v1/api/admin/rooms}: the room of schedule {@code roomId}; the rest is optional (defaults). */
record CreateRoomRequest(
        @NotNull @Positive @Max(Ids.MAX) Long roomId,
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        Instant saleStartsAt,
        @Min(1) @Max(RoomLimits.MAX_ACTIVE_USERS) Integer maxActiveUsers,
        @Min(1) @Max(RoomLimits.MAX_NEW_USERS_PER_MINUTE) Integer newUsersPerMinute,
        @Min(RoomLimits.MIN_SESSION_SECONDS) @Max(RoomLimits.MAX_SESSION_SECONDS) Integer sessionDurationSeconds) {
}
