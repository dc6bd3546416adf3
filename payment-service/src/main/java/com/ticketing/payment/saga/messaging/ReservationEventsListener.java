package com.ticketing.payment.saga.messaging;

import com.ticketing.common.event.ConsumerRetryPolicy;
import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.payment.saga.PaymentSaga;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Thin consumer of {@code reservation.events}: only {@code ReservationConfirmationFailed} concerns payments
 * (its compensation is a refund); every other type is skipped. Replays are absorbed by the saga's processed
 * event ids; an envelope that cannot be read goes to the dead-letter topic at once, anything else is retried
 * until it succeeds (common's {@link ConsumerRetryPolicy#untilApplied()}: a refund sent to the dead-letter topic
 * would be money not given back).
 */
@Component
class ReservationEventsListener {

    private final EventJson json;
    private final PaymentSaga saga;

    ReservationEventsListener(EventJson json, PaymentSaga saga) {
        this.json = json;
        this.saga = saga;
    }

    @KafkaListener(id = "payment-compensation", topics = Topics.RESERVATION_EVENTS, groupId = "payment-service",
            containerFactory = ConsumerRetryPolicy.UNTIL_APPLIED_FACTORY)
    void on(String value) {
        EventEnvelope envelope = json.read(value);
        if (!EventTypes.RESERVATION_CONFIRMATION_FAILED.equals(envelope.type())) {
            return;
        }
        ReservationConfirmationFailed event = json.payload(envelope, ReservationConfirmationFailed.class);
        if (event.paymentId() == null || event.reservationId() == null) {
            throw new EventJson.MalformedEventException("ReservationConfirmationFailed without paymentId/reservationId");
        }
        saga.compensate(envelope.eventId(), event.paymentId(), event.reservationId(), event.reason());
    }
}
