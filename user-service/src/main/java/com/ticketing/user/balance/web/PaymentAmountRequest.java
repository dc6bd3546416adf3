package com.ticketing.user.balance.web;

import com.ticketing.common.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Body of the internal debit and refund endpoints. */
public record PaymentAmountRequest(@NotNull @Positive @Max(Ids.MAX) Long paymentId, @NotNull @Positive Long amount) {
}
