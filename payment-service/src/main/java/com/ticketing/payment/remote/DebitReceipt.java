package com.ticketing.payment.remote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** user-service's answer to a debit or a refund: the user's balance after it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DebitReceipt(long userId, long paymentId, long balance) {
}
