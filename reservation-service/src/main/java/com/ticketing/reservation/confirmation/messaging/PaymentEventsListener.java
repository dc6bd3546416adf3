package com.ticketing.reservation.confirmation.messaging;

import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.reservation.confirmation.ConfirmingReservation;
import com.ticketing.reservation.confirmation.PaymentCompleted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin consumer of {@code payment.events}: decodes, ignores types it does not handle, delegates.
 * Failures go to the shared error handler (retries, then {@code payment.events.DLT}; malformed at once).
 */
@Component
public class PaymentEventsListener {

    private final EventJson json;
    private final ConfirmingReservation confirming;

    public PaymentEventsListener(EventJson json, ConfirmingReservation confirming) {
        this.json = json;
        this.confirming = confirming;
    }

    @KafkaListener(id = "reservation-payment-events", topics = Topics.PAYMENT_EVENTS,
            groupId = "${spring.kafka.consumer.group-id:reservation-service}")
    public void on(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = json.read(record.value());
        if (EventTypes.PAYMENT_COMPLETED.equals(envelope.type())) {
            PaymentCompleted payment = json.payload(envelope, PaymentCompleted.class);
            if (!payment.isComplete()) {
                throw new EventJson.MalformedEventException("PaymentCompleted " + envelope.eventId() + " lacks ids");
            }
            confirming.onPaymentCompleted(envelope.eventId(), payment);
        }
    }
}
