package com.ticketing.payment.saga.web;

import com.ticketing.common.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /v1/api/concerts/payment} body: {@code {"reservationId": 42}}. The payer is the token's user. */
public record PayRequest(@NotNull @Positive @Max(Ids.MAX) Long reservationId) {
}
