package com.ticketing.queue.paidslot.messaging;

import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.queue.paidslot.FreeingPaidSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code payment.events}; only {@code PaymentCompleted} matters here. Malformed events go to the
 * dead-letter topic at once (shared error handler); a Redis failure is retried by that handler with back-off
 * ({@code ticketing.events.retry.max-elapsed}). Whatever happens, the session ends with its TTL at the latest.
 */
@Component
class PaymentEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventsListener.class);
    private static final int MAX_EVENT_ID_LENGTH = 64;

    private final EventJson json;
    private final FreeingPaidSlots freeing;

    PaymentEventsListener(EventJson json, FreeingPaidSlots freeing) {
        this.json = json;
        this.freeing = freeing;
    }

    @KafkaListener(id = "queue-payment-events", topics = Topics.PAYMENT_EVENTS)
    void onPaymentEvent(String value) {
        EventEnvelope event = json.read(value);
        if (!EventTypes.PAYMENT_COMPLETED.equals(event.type())) {
            return;
        }
        PaymentCompleted payment = json.payload(event, PaymentCompleted.class);
        if (payment.userId() == null || payment.userId() < 1 || event.eventId().isBlank()
                || event.eventId().length() > MAX_EVENT_ID_LENGTH
                || (payment.scheduleId() != null && payment.scheduleId() < 1)) {
            throw new EventJson.MalformedEventException("PaymentCompleted without a valid userId, scheduleId or eventId");
        }
        var release = freeing.free(event.eventId(), payment.userId(), payment.scheduleId(), event.occurredAt());
        log.debug("PaymentCompleted {} for user {} in room {}: {}", event.eventId(), payment.userId(),
                payment.scheduleId(), release);
    }
}
