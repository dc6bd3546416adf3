package com.ticketing.queue.token.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code {"userId": 1}}; the configured upper bound is checked by the use case. */
public record IssueTokenRequest(@NotNull @Positive Long userId) {
}
