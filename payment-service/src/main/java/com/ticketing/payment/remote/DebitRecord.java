package com.ticketing.payment.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A debit user-service holds for a payment id (the reconciler's question "was it taken?"). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DebitRecord(long userId, long paymentId, long amount, boolean refunded) {
}
