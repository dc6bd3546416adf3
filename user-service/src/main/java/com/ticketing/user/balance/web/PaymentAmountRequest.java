package com.ticketing.user.balance.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of the internal debit and refund endpoints. */
public record PaymentAmountRequest(@NotNull @Positive Long paymentId, @NotNull @Positive Long amount) {
}
