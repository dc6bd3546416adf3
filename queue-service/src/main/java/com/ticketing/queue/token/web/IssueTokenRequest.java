package com.ticketing.queue.token.web;

import com.ticketing.common.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /v1/api/queue/token}: optional. The user is the logged-in one; a {@code userId} here (the
 * original client sends it) must be that same user, or the request is refused with 403.
 */
public record IssueTokenRequest(@Positive @Max(Ids.MAX) Long userId) {
}
