package com.ticketing.payment.saga.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /v1/api/concerts/payment} body: {@code {"reservationId": 42}}. The payer is the token's user. */
public record PayRequest(@NotNull @Positive Long reservationId) {
}
