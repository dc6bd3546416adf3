package com.ticketing.queue.paidslot.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of payment-service's {@code PaymentCompleted} payload the waiting room needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PaymentCompleted(Long userId) {
}
