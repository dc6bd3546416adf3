package com.ticketing.queue.paidslot.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of payment-service's {@code PaymentCompleted} payload the waiting rooms need: the payer, and the
 * reservation's schedule (= the room); an event without {@code scheduleId} (from before rooms) names no room.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PaymentCompleted(Long userId, Long scheduleId) {
}
