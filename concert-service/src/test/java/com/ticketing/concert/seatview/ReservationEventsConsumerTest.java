package com.ticketing.concert.seatview;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.concert.IntegrationTest;
import com.ticketing.concert.schedule.ListingOpenSchedules;
import com.ticketing.concert.schedule.persistence.ScheduleCache;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Kafka listener end to end on the embedded broker: what reservation-service publishes reaches the view. */
class ReservationEventsConsumerTest extends IntegrationTest {

    @Autowired
    private KafkaTemplate<String, String> kafka;
    @Autowired
    private EventJson json;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private ListingOpenSchedules listing;

    /** A reservation event as reservation-service writes it (common's contract sample of that type). */
    private EventEnvelope event(String type, long reservationId, long scheduleId, long seatId) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("eventId", UUID.randomUUID().toString());
        values.put("occurredAt", Instant.now().toString());
        values.put("aggregateId", Long.toString(reservationId));
        values.put("payload.reservationId", reservationId);
        values.put("payload.userId", 77);
        values.put("payload.scheduleId", scheduleId);
        values.put("payload.seatId", seatId);
        switch (type) {
            case EventTypes.SEAT_HELD -> {
                values.put("payload.price", 165000);
                values.put("payload.expiresAt", Instant.now().plusSeconds(300).toString());
            }
            case EventTypes.RESERVATION_CONFIRMED -> values.put("payload.paymentId", 900 + reservationId);
            default -> {
            }
        }
        return json.read(Contracts.sampleJson("events/" + type, values));
    }

    private void publish(EventEnvelope event) throws Exception {
        kafka.send(Topics.RESERVATION_EVENTS, event.aggregateId(), json.write(event)).get(10, TimeUnit.SECONDS);
    }

    private void publishRaw(String key, String value) throws Exception {
        kafka.send(Topics.RESERVATION_EVENTS, key, value).get(10, TimeUnit.SECONDS);
    }

    private boolean processed(EventEnvelope event) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
                .param(ProjectingSeatStatus.CONSUMER).param(event.eventId()).query(Long.class).single() == 1;
    }

    private void awaitProcessed(List<EventEnvelope> events) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> events.stream().allMatch(this::processed));
    }

    @Test
    void shouldMarkASeatHeldThenSoldFromPublishedEvents() throws Exception {
        long seat = seatId(5, 10);
        EventEnvelope held = event(EventTypes.SEAT_HELD, 1001, 5, seat);
        publish(held);
        await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(statusOf(seat)));

        EventEnvelope confirmed = event(EventTypes.RESERVATION_CONFIRMED, 1001, 5, seat);
        publish(confirmed);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(statusOf(seat)));
    }

    @Test
    void shouldFreeASeatWhenItsHoldExpiresOrIsCancelled() throws Exception {
        long expiring = seatId(5, 11);
        long cancelled = seatId(5, 12);
        List<EventEnvelope> events = List.of(
                event(EventTypes.SEAT_HELD, 1002, 5, expiring), event(EventTypes.RESERVATION_EXPIRED, 1002, 5, expiring),
                event(EventTypes.SEAT_HELD, 1003, 5, cancelled), event(EventTypes.RESERVATION_CANCELLED, 1003, 5, cancelled));
        for (EventEnvelope event : events) {
            publish(event);
        }

        awaitProcessed(events);
        assertThat(statusOf(expiring)).isEqualTo("AVAILABLE");
        assertThat(statusOf(cancelled)).isEqualTo("AVAILABLE");
    }

    @Test
    void shouldEndInTheRightStateWhenEventsArriveOutOfOrderAndTwice() throws Exception {
        long seatA = seatId(6, 1);
        long seatB = seatId(6, 2);
        EventEnvelope expiredA = event(EventTypes.RESERVATION_EXPIRED, 2001, 6, seatA);
        EventEnvelope heldA = event(EventTypes.SEAT_HELD, 2001, 6, seatA);
        EventEnvelope newerHeldB = event(EventTypes.SEAT_HELD, 2011, 6, seatB);
        EventEnvelope olderHeldB = event(EventTypes.SEAT_HELD, 2010, 6, seatB);
        // Same key, same partition: the expiry is consumed before its hold. The older reservation's hold comes last.
        List<EventEnvelope> order = List.of(expiredA, heldA, newerHeldB, olderHeldB);
        double duplicates = counter(ProjectingSeatStatus.METRIC, "outcome", "duplicate");

        for (EventEnvelope event : order) {
            publish(event);
            publish(event);
        }

        awaitProcessed(order);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counter(ProjectingSeatStatus.METRIC, "outcome", "duplicate") >= duplicates + order.size());
        assertThat(statusOf(seatA)).isEqualTo("AVAILABLE");
        assertThat(statusOf(seatB)).isEqualTo("HELD");
        assertThat(jdbc.sql("SELECT reservation_id FROM seat_view WHERE seat_id = ?").param(seatB).query(Long.class).single())
                .isEqualTo(2011);
        assertThat(counter(ProjectingSeatStatus.METRIC, "outcome", "duplicate")).isEqualTo(duplicates + order.size());
    }

    @Test
    void shouldEvictTheScheduleCacheWhenAnEventChangesAvailability() throws Exception {
        listing.list();
        assertThat(redis.hasKey(ScheduleCache.KEY)).isTrue();

        EventEnvelope held = event(EventTypes.SEAT_HELD, 3001, 1, seatId(1, 20));
        publish(held);

        awaitProcessed(List.of(held));
        await().atMost(Duration.ofSeconds(10)).until(() -> !redis.hasKey(ScheduleCache.KEY));
        assertThat(listing.list().get(0).availableSeats()).isEqualTo(SEATS_PER_SCHEDULE - 1);
    }

    @Test
    void shouldDeadLetterMalformedEventsAndKeepConsumingThePartition() throws Exception {
        String key = "4001";
        String notJson = "not an event " + UUID.randomUUID();
        EventEnvelope noSeat = json.envelope(EventTypes.SEAT_HELD, 4001, Map.of("reservationId", 4001, "scheduleId", 7));
        EventEnvelope unknownSeat = event(EventTypes.SEAT_HELD, 4001, 7, 999_999);
        EventEnvelope wrongSchedule = event(EventTypes.SEAT_HELD, 4001, 8, seatId(7, 1));
        EventEnvelope good = event(EventTypes.SEAT_HELD, 4001, 7, seatId(7, 1));

        try (Consumer<String, String> deadLetters = deadLetterConsumer()) {
            publishRaw(key, notJson);
            publish(noSeat);
            publish(unknownSeat);
            publish(wrongSchedule);
            publish(good); // same key, same partition, behind the poison

            await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(statusOf(seatId(7, 1))));
            List<String> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(500))) {
                    dead.add(record.value());
                }
                return dead.contains(notJson) && dead.contains(json.write(noSeat)) && dead.contains(json.write(unknownSeat))
                        && dead.contains(json.write(wrongSchedule));
            });
            assertThat(dead).doesNotContain(json.write(good));
        }
        assertThat(processed(good)).isTrue();
        assertThat(processed(unknownSeat)).isFalse();
        assertThat(processed(wrongSchedule)).isFalse();
    }

    @Test
    void shouldIgnoreReservationEventsThatAreNotAboutTheSeat() throws Exception {
        long seat = seatId(8, 1);
        EventEnvelope held = event(EventTypes.SEAT_HELD, 5001, 8, seat);
        Map<String, Object> failedPayload = Map.of("reservationId", 5001, "userId", 77, "scheduleId", 8, "seatId", seat,
                "paymentId", 5901, "reason", "EXPIRED");
        EventEnvelope failed = json.envelope(EventTypes.RESERVATION_CONFIRMATION_FAILED, 5001, failedPayload);
        EventEnvelope marker = event(EventTypes.SEAT_HELD, 5002, 8, seatId(8, 2));

        publish(held);
        publish(failed);
        publish(marker);

        awaitProcessed(List.of(held, marker));
        assertThat(statusOf(seat)).isEqualTo("HELD");
        assertThat(processed(failed)).isFalse();
    }

    /** Event ids are stored whole: two ids alike in their first 36 characters are two events. */
    @Test
    void shouldTellApartEventIdsThatShareTheirFirst36Characters() throws Exception {
        String common = UUID.randomUUID().toString();
        EventEnvelope first = withId(common + "-first", event(EventTypes.SEAT_HELD, 6001, 9, seatId(9, 1)));
        EventEnvelope second = withId(common + "-second", event(EventTypes.SEAT_HELD, 6002, 9, seatId(9, 2)));

        publish(first);
        publish(second);

        await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(statusOf(seatId(9, 1)))
                && "HELD".equals(statusOf(seatId(9, 2))));
        assertThat(processed(second)).isTrue();
    }

    @Test
    void shouldDeadLetterAnEventWhoseIdIsTooLongToStoreWhole() throws Exception {
        EventEnvelope tooLong = withId("z".repeat(256), event(EventTypes.SEAT_HELD, 6011, 9, seatId(9, 3)));
        EventEnvelope marker = event(EventTypes.SEAT_HELD, 6012, 9, seatId(9, 4));

        publish(tooLong);
        publish(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(statusOf(seatId(9, 4))));
        assertThat(statusOf(seatId(9, 3))).isEqualTo("AVAILABLE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id LIKE 'zzzz%'").query(Long.class).single())
                .isZero();
    }

    /**
     * The dead-letter path replays by itself: an event that kept failing (here: the seat view's table is away, as
     * in a long database outage) goes to the dead-letter topic after the shared handler's retries, the partition
     * moves on, and once the cause is gone the replay applies it with no operator.
     */
    @Test
    void shouldReplayADeadLetteredEventOnceTheCauseIsGone() throws Exception {
        long seat = seatId(10, 1);
        EventEnvelope held = event(EventTypes.SEAT_HELD, 6021, 10, seat);
        double deadLetteredBefore = meters.counter("events.dead_lettered").count();
        double replayedBefore = counter("concert.seat_view.dead_letters", "result", "replayed");
        jdbc.sql("RENAME TABLE seat_view TO seat_view_away").update();
        try {
            publish(held);
            await().atMost(Duration.ofSeconds(30)).until(() -> meters.counter("events.dead_lettered").count() > deadLetteredBefore);
        } finally {
            jdbc.sql("RENAME TABLE seat_view_away TO seat_view").update();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> "HELD".equals(statusOf(seat)));
        assertThat(processed(held)).isTrue();
        assertThat(counter("concert.seat_view.dead_letters", "result", "replayed")).isGreaterThan(replayedBefore);
    }

    @Test
    void shouldReportTheSoldSeatsForTheReconciliationCheck() throws Exception {
        long seat = seatId(11, 1);
        publish(event(EventTypes.SEAT_HELD, 6031, 11, seat));
        publish(event(EventTypes.RESERVATION_CONFIRMED, 6031, 11, seat));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SOLD".equals(statusOf(seat)));

        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/internal/reconciliation")).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("\"service\":\"concert-service\"")
                .contains("{\"seatId\":" + seat + ",\"scheduleId\":11,\"reservationId\":6031}");
    }

    private static EventEnvelope withId(String eventId, EventEnvelope event) {
        return new EventEnvelope(eventId, event.type(), event.occurredAt(), event.aggregateId(), event.payload());
    }

    private Consumer<String, String> deadLetterConsumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.RESERVATION_EVENTS + Topics.DLT_SUFFIX));
        return consumer;
    }
}
