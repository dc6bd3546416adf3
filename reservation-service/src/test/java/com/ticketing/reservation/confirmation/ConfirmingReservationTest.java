package com.ticketing.reservation.confirmation;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.EventsProbe;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Saga step 4 over the embedded broker: PaymentCompleted on payment.events → confirm, or report failure. */
class ConfirmingReservationTest extends IntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void shouldConfirmALockedReservationWhenItsPaymentCompletes() throws Exception {
        long seatId = CatalogStub.seatId(14, 1);
        long reservationId = hold(3001, seatId);
        lock(reservationId, 3001, 90_001);

        publishPaymentCompleted(UUID.randomUUID().toString(), 90_001, reservationId, 3001, CatalogStub.priceOf(seatId));

        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(statusOf(reservationId)));
        EventsProbe.Received confirmed = events().await(Topics.RESERVATION_EVENTS, EventTypes.RESERVATION_CONFIRMED, reservationId);
        assertThat(confirmed.key()).isEqualTo(Long.toString(reservationId));
        Contracts.assertMatches("events/ReservationConfirmed", confirmed.value()); // what concert-service reads
        assertThat(confirmed.envelope().payload().path("paymentId").asLong()).isEqualTo(90_001);
        assertThat(confirmed.envelope().payload().path("seatId").asLong()).isEqualTo(seatId);
        assertThat(confirmed.envelope().payload().path("scheduleId").asLong()).isEqualTo(14);
        assertThat(confirmed.envelope().payload().path("userId").asLong()).isEqualTo(3001);
        // sold: the seat stays occupied and nobody else can hold it
        assertThat(jdbc.queryForObject("SELECT active_seat_id FROM reservation WHERE id = ?", Long.class, reservationId))
                .isEqualTo(seatId);
        assertThat(errorCode(reserve(3002, 14, seatId))).isEqualTo("SEAT_UNAVAILABLE");
    }

    @Test
    void shouldApplyAPaymentCompletedDeliveredTwiceOnlyOnce() throws Exception {
        long seatId = CatalogStub.seatId(14, 2);
        long reservationId = hold(3011, seatId);
        lock(reservationId, 3011, 90_011);
        String eventId = UUID.randomUUID().toString();

        publishPaymentCompleted(eventId, 90_011, reservationId, 3011, CatalogStub.priceOf(seatId));
        publishPaymentCompleted(eventId, 90_011, reservationId, 3011, CatalogStub.priceOf(seatId));
        // and a replay of the same payment under a new event id
        publishPaymentCompleted(UUID.randomUUID().toString(), 90_011, reservationId, 3011, CatalogStub.priceOf(seatId));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE consumer = ?", Integer.class, ConfirmingReservation.CONSUMER) == 2);
        assertThat(statusOf(reservationId)).isEqualTo("CONFIRMED");
        assertThat(outboxCount(EventTypes.RESERVATION_CONFIRMED, reservationId)).isEqualTo(1);
        assertThat(outboxCount(EventTypes.RESERVATION_CONFIRMATION_FAILED, reservationId)).isZero();
    }

    @Test
    void shouldReportConfirmationFailedForAnExpiredReservation() throws Exception {
        long seatId = CatalogStub.seatId(14, 3);
        long reservationId = hold(3021, seatId);
        clock.advance(Duration.ofMinutes(6));
        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(statusOf(reservationId)));

        publishPaymentCompleted(UUID.randomUUID().toString(), 90_021, reservationId, 3021, CatalogStub.priceOf(seatId));

        EventsProbe.Received failed = events().await(Topics.RESERVATION_EVENTS,
                EventTypes.RESERVATION_CONFIRMATION_FAILED, reservationId);
        assertThat(failed.envelope().payload().path("reason").asString()).isEqualTo("EXPIRED");
        assertThat(failed.envelope().payload().path("paymentId").asLong()).isEqualTo(90_021);
        assertThat(failed.envelope().payload().path("userId").asLong()).isEqualTo(3021);
        assertThat(failed.envelope().payload().path("seatId").asLong()).isEqualTo(seatId);
        assertThat(statusOf(reservationId)).isEqualTo("EXPIRED");
    }

    @Test
    void shouldReportConfirmationFailedForAnotherPaymentAndForAnUnknownReservation() throws Exception {
        long seatId = CatalogStub.seatId(14, 4);
        long reservationId = hold(3031, seatId);
        lock(reservationId, 3031, 90_031);
        long unknownReservation = reservationId + 1_000_000;

        publishPaymentCompleted(UUID.randomUUID().toString(), 90_032, reservationId, 3031, CatalogStub.priceOf(seatId));
        publishPaymentCompleted(UUID.randomUUID().toString(), 90_033, unknownReservation, 3031, 1_000);

        EventsProbe.Received other = events().await(Topics.RESERVATION_EVENTS,
                EventTypes.RESERVATION_CONFIRMATION_FAILED, reservationId);
        EventsProbe.Received unknown = events().await(Topics.RESERVATION_EVENTS,
                EventTypes.RESERVATION_CONFIRMATION_FAILED, unknownReservation);
        assertThat(other.envelope().payload().path("reason").asString()).isEqualTo("LOCKED_BY_OTHER_PAYMENT");
        assertThat(other.envelope().payload().path("paymentId").asLong()).isEqualTo(90_032);
        assertThat(unknown.envelope().payload().path("reason").asString()).isEqualTo("RESERVATION_NOT_FOUND");
        // what payment-service reads (common's contract sample), also with the null schedule and seat of an unknown one
        Contracts.assertMatches("events/ReservationConfirmationFailed", other.value());
        Contracts.assertMatches("events/ReservationConfirmationFailed", unknown.value());
        assertThat(unknown.envelope().payload().path("seatId").isNull()).isTrue();
        assertThat(statusOf(reservationId)).isEqualTo("PAYING"); // the locking payment is still in flight
    }

    @Test
    void shouldCancelAndReportFailureWhenConfirmationIsForcedToFail() throws Exception {
        long seatId = 999_001; // ticketing.reservation.fail-confirmation-for-seat-ids in application-test.yml
        long reservationId = hold(3041, seatId);
        lock(reservationId, 3041, 90_041);

        publishPaymentCompleted(UUID.randomUUID().toString(), 90_041, reservationId, 3041, CatalogStub.priceOf(seatId));

        EventsProbe.Received failed = events().await(Topics.RESERVATION_EVENTS,
                EventTypes.RESERVATION_CONFIRMATION_FAILED, reservationId);
        assertThat(failed.envelope().payload().path("reason").asString()).isEqualTo("FORCED_FAILURE");
        assertThat(statusOf(reservationId)).isEqualTo("CANCELLED");
        assertThat(outboxCount(EventTypes.RESERVATION_CANCELLED, reservationId)).isEqualTo(1);
        Contracts.assertMatches("events/ReservationCancelled", events().await(Topics.RESERVATION_EVENTS,
                EventTypes.RESERVATION_CANCELLED, reservationId).value());
        assertThat(jdbc.queryForObject("SELECT active_seat_id FROM reservation WHERE id = ?", Long.class, reservationId)).isNull();
    }

    @Test
    void shouldReportFailureWhenTheAmountDiffersFromThePrice() throws Exception {
        long seatId = CatalogStub.seatId(14, 5);
        long reservationId = hold(3051, seatId);
        lock(reservationId, 3051, 90_051);

        publishPaymentCompleted(UUID.randomUUID().toString(), 90_051, reservationId, 3051, CatalogStub.priceOf(seatId) - 1);

        EventsProbe.Received failed = events().await(Topics.RESERVATION_EVENTS,
                EventTypes.RESERVATION_CONFIRMATION_FAILED, reservationId);
        assertThat(failed.envelope().payload().path("reason").asString()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(statusOf(reservationId)).isEqualTo("CANCELLED");
    }

    @Test
    void shouldKeepConfirmingAfterAMalformedPaymentEvent() throws Exception {
        kafka.send(Topics.PAYMENT_EVENTS, "x", "{not json").get();
        long seatId = CatalogStub.seatId(14, 6);
        long reservationId = hold(3061, seatId);
        lock(reservationId, 3061, 90_061);

        publishPaymentCompleted(UUID.randomUUID().toString(), 90_061, reservationId, 3061, CatalogStub.priceOf(seatId));

        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(statusOf(reservationId)));
    }

    /** Event ids are stored whole: two ids alike in their first 36 characters are two events (CHAR(36) truncated them). */
    @Test
    void shouldTellApartEventIdsThatShareTheirFirst36Characters() throws Exception {
        long firstSeat = CatalogStub.seatId(14, 20);
        long secondSeat = CatalogStub.seatId(14, 21);
        long first = hold(3201, firstSeat);
        long second = hold(3202, secondSeat);
        lock(first, 3201, 90_201);
        lock(second, 3202, 90_202);
        String common = UUID.randomUUID().toString();

        publishPaymentCompleted(common + "-first", 90_201, first, 3201, CatalogStub.priceOf(firstSeat));
        publishPaymentCompleted(common + "-second", 90_202, second, 3202, CatalogStub.priceOf(secondSeat));

        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(statusOf(first))
                && "CONFIRMED".equals(statusOf(second)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                common + "-second")).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAPaymentCompletedWhoseIdIsTooLongToStoreWhole() throws Exception {
        long seatId = CatalogStub.seatId(14, 22);
        long reservationId = hold(3211, seatId);
        lock(reservationId, 3211, 90_211);
        String tooLong = "y".repeat(256);

        publishPaymentCompleted(tooLong, 90_211, reservationId, 3211, CatalogStub.priceOf(seatId));
        publishPaymentCompleted(UUID.randomUUID().toString(), 90_212, reservationId + 1_000_000, 3211, 1); // a marker after it

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?", Integer.class,
                EventTypes.RESERVATION_CONFIRMATION_FAILED, Long.toString(reservationId + 1_000_000)) == 1);
        assertThat(statusOf(reservationId)).isEqualTo("PAYING");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id LIKE 'yyyy%'",
                Integer.class)).isZero();
    }

    /** A PaymentCompleted as payment-service writes it (common's contract sample). */
    private void publishPaymentCompleted(String eventId, long paymentId, long reservationId, long userId, long amount)
            throws Exception {
        String envelope = Contracts.sampleJson("events/PaymentCompleted", Map.of("eventId", eventId,
                "aggregateId", Long.toString(paymentId), "occurredAt", Instant.now().toString(),
                "payload.paymentId", paymentId, "payload.reservationId", reservationId, "payload.userId", userId,
                "payload.amount", amount));
        kafka.send(Topics.PAYMENT_EVENTS, Long.toString(paymentId), envelope).get();
    }
}
