package com.ticketing.queue;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import com.ticketing.queue.domain.AdmissionLimits;
import com.ticketing.queue.domain.persistence.QueueKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PaymentCompletedTest extends QueueIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventJson json;

    @Test
    void shouldFreeThePayersActiveSlotOnceAndIgnoreDuplicatesAndOlderEvents() throws Exception {
        String payerToken = http.issue(11).token();
        admitting.admitNext();
        String firstSlot = QueueKeys.active(codec.verify(payerToken).tokenId());
        assertThat(redis.hasKey(firstSlot)).isTrue();

        EventEnvelope paid = paymentCompleted(9_001, 11, Instant.now());
        send(paid);

        await().atMost(Duration.ofSeconds(60)).until(() -> !redis.hasKey(firstSlot));
        assertThat(redis.opsForZSet().score(QueueKeys.ADMITTED, "11")).isNull();
        assertThat(http.check(payerToken).status()).isEqualTo(404);
        assertThat(redis.getExpire(QueueKeys.processed(paid.eventId()), TimeUnit.SECONDS)).isPositive();

        // The payer queues again and is admitted again; a redelivery of the old event, and an older payment
        // event arriving late, must leave the new admission alone.
        String newToken = http.issue(11).token();
        String bystanderToken = http.issue(12).token();
        admitting.admitNext();
        String secondSlot = QueueKeys.active(codec.verify(newToken).tokenId());
        assertThat(redis.hasKey(secondSlot)).isTrue();

        send(paid);
        send(paymentCompleted(9_000, 11, Instant.now().minus(Duration.ofMinutes(1))));
        send(paymentCompleted(9_002, 12, Instant.now())); // same Kafka key: consumed after the two above

        String bystanderSlot = QueueKeys.active(codec.verify(bystanderToken).tokenId());
        await().atMost(Duration.ofSeconds(60)).until(() -> !redis.hasKey(bystanderSlot));
        assertThat(redis.hasKey(secondSlot)).isTrue();
        assertThat(redis.opsForZSet().score(QueueKeys.ADMITTED, "11")).isNotNull();
        assertThat(http.check(newToken).data().get("status").asString()).isEqualTo("PROGRESS");
    }

    @Test
    void shouldLeaveAWaitingUserInLineWhenAPaymentEventNamesThem() throws Exception {
        String markerToken = http.issue(22).token();
        String waitingToken = http.issue(21).token();
        admitting.admitNext(new AdmissionLimits(1, 100_000, 10, Duration.ofMinutes(10), Duration.ofMinutes(10),
                500, 1000, Duration.ofSeconds(20)));
        String markerSlot = QueueKeys.active(codec.verify(markerToken).tokenId());
        assertThat(redis.hasKey(markerSlot)).isTrue();

        send(paymentCompleted(9_021, 21, Instant.now()));
        send(paymentCompleted(9_022, 22, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> !redis.hasKey(markerSlot));
        QueueHttp.Reply stillWaiting = http.check(waitingToken);
        assertThat(stillWaiting.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(stillWaiting.data().get("position").asLong()).isEqualTo(1);
    }

    /** A PaymentCompleted as payment-service writes it (common's contract sample). */
    private EventEnvelope paymentCompleted(long paymentId, long userId, Instant occurredAt) {
        return json.read(Contracts.sampleJson("events/PaymentCompleted", Map.of("eventId", UUID.randomUUID().toString(),
                "occurredAt", occurredAt.toString(), "aggregateId", Long.toString(paymentId),
                "payload.paymentId", paymentId, "payload.reservationId", 1, "payload.userId", userId,
                "payload.amount", 50_000)));
    }

    private void send(EventEnvelope event) throws Exception {
        kafka.send(Topics.PAYMENT_EVENTS, "same-key", json.write(event)).get(30, TimeUnit.SECONDS);
    }
}
