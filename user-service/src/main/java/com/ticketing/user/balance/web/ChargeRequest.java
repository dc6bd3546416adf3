package com.ticketing.user.balance.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /v1/api/user/amount}: top up {@code userId}'s balance by {@code amount} won. */
public record ChargeRequest(@NotNull @Positive Long userId, @NotNull @Positive Long amount) {
}
