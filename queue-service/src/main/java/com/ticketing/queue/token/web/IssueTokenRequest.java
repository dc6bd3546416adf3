package com.ticketing.queue.token.web;

import com.ticketing.common.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /v1/api/queue/token}: the room to wait in (a room's id is its schedule's id). The user is
 * the logged-in one; a {@code userId} here must be that same user, or the request is refused with 403.
 */
public record IssueTokenRequest(@NotNull @Positive @Max(Ids.MAX) Long roomId, @Positive @Max(Ids.MAX) Long userId) {
}
