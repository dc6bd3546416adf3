package com.ticketing.queue;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    void shouldEndThePayersSessionInThePaidSchedulesRoomOnlyOnceAndIgnoreDuplicatesAndOlderEvents() throws Exception {
        long room = openRoom(1);
        long other = openRoom(2);
        String payerToken = http.issue(11, room).token();
        String payerElsewhere = http.issue(11, other).token();
        admit(room);
        admit(other);
        String firstSlot = keys(room).active(codec.verify(payerToken).tokenId());
        String elsewhereSlot = keys(other).active(codec.verify(payerElsewhere).tokenId());
        assertThat(redis.hasKey(firstSlot)).isTrue();

        EventEnvelope paid = paymentCompleted(9_001, 11, room, Instant.now());
        send(paid);

        await().atMost(Duration.ofSeconds(60)).until(() -> !redis.hasKey(firstSlot));
        assertThat(redis.opsForZSet().score(keys(room).admitted(), "11")).isNull();
        assertThat(http.check(payerToken).status()).isEqualTo(404);
        assertThat(redis.hasKey(elsewhereSlot)).as("the session in another schedule's room stays").isTrue();
        assertThat(redis.getExpire(keys(room).processed(paid.eventId()), TimeUnit.SECONDS)).isPositive();

        // The payer queues again and is admitted again; a redelivery of the old event, and an older payment
        // event arriving late, must leave the new admission alone.
        String newToken = http.issue(11, room).token();
        String bystanderToken = http.issue(12, room).token();
        admit(room);
        String secondSlot = keys(room).active(codec.verify(newToken).tokenId());
        assertThat(redis.hasKey(secondSlot)).isTrue();

        send(paid);
        send(paymentCompleted(9_000, 11, room, Instant.now().minus(Duration.ofMinutes(1))));
        send(paymentCompleted(9_002, 12, room, Instant.now())); // same Kafka key: consumed after the two above

        String bystanderSlot = keys(room).active(codec.verify(bystanderToken).tokenId());
        await().atMost(Duration.ofSeconds(60)).until(() -> !redis.hasKey(bystanderSlot));
        assertThat(redis.hasKey(secondSlot)).isTrue();
        assertThat(redis.opsForZSet().score(keys(room).admitted(), "11")).isNotNull();
        assertThat(http.check(newToken).data().get("status").asString()).isEqualTo("PROGRESS");
    }

    @Test
    void shouldEndThePayersSessionsInEveryRoomWhenAnOlderEventNamesNoSchedule() throws Exception {
        long room = openRoom(1);
        long other = openRoom(2);
        String one = http.issue(31, room).token();
        String two = http.issue(31, other).token();
        admit(room);
        admit(other);

        Map<String, Object> olderEvent = new java.util.HashMap<>(Map.of("eventId", UUID.randomUUID().toString(),
                "occurredAt", Instant.now().toString(), "aggregateId", "9031", "payload.paymentId", 9_031,
                "payload.reservationId", 1, "payload.userId", 31, "payload.amount", 50_000));
        olderEvent.put("payload.scheduleId", null); // events from before the field existed name no schedule
        send(json.read(Contracts.sampleJson("events/PaymentCompleted", olderEvent)));

        await().atMost(Duration.ofSeconds(60)).until(() -> http.check(one).status() == 404
                && http.check(two).status() == 404);
    }

    @Test
    void shouldLeaveAWaitingUserInLineWhenAPaymentEventNamesThem() throws Exception {
        long room = openRoom(1, 1, 6_000, 600);
        String markerToken = http.issue(22, room).token();
        String waitingToken = http.issue(21, room).token();
        admit(room);
        String markerSlot = keys(room).active(codec.verify(markerToken).tokenId());
        assertThat(redis.hasKey(markerSlot)).isTrue();

        send(paymentCompleted(9_021, 21, room, Instant.now()));
        send(paymentCompleted(9_022, 22, room, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> !redis.hasKey(markerSlot));
        QueueHttp.Reply stillWaiting = http.check(waitingToken);
        assertThat(stillWaiting.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(stillWaiting.data().get("position").asLong()).isEqualTo(1);
    }

    /** A PaymentCompleted as payment-service writes it, with the reservation's schedule. */
    private EventEnvelope paymentCompleted(long paymentId, long userId, long scheduleId, Instant occurredAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("paymentId", paymentId);
        payload.put("reservationId", 1);
        payload.put("userId", userId);
        payload.put("scheduleId", scheduleId);
        payload.put("amount", 50_000);
        EventEnvelope e = json.envelope(EventTypes.PAYMENT_COMPLETED, paymentId, payload);
        return new EventEnvelope(e.eventId(), e.type(), occurredAt, e.aggregateId(), e.payload());
    }

    private void send(EventEnvelope event) throws Exception {
        kafka.send(Topics.PAYMENT_EVENTS, "same-key", json.write(event)).get(30, TimeUnit.SECONDS);
    }
}
