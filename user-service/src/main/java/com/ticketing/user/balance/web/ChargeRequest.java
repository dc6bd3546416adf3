package com.ticketing.user.balance.web;

import com.ticketing.common.web.Ids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * {@code POST /v1/api/user/amount}: top up the caller's own balance by {@code amount} won. {@code userId} is
 * optional and, when sent, must be the caller's (the original client sends it).
 */
public record ChargeRequest(
        @Schema(description = "optional; must be your own user id (the access token's subject) when sent")
        @Positive @Max(Ids.MAX) Long userId,
        @NotNull @Positive Long amount) {
}
