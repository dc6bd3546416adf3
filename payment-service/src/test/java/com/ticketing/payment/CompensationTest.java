package com.ticketing.payment;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CompensationTest extends PaymentServiceIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    private long completedPayment(long userId, long reservationId, long price) {
        USERS.setBalance(userId, 50_000);
        RESERVATIONS.hold(reservationId, userId, price);
        Answer answer = pay(userId, reservationId);
        assertThat(answer.status()).isEqualTo(200);
        // what reservation-service does before it reports the failure: the reservation locked by the payment is cancelled
        RESERVATIONS.cancel(reservationId);
        return answer.data().path("paymentId").asLong();
    }

    /** A ReservationConfirmationFailed as reservation-service writes it (common's contract sample). */
    private String confirmationFailed(String eventId, long paymentId, long reservationId, long userId) throws Exception {
        String envelope = Contracts.sampleJson("events/ReservationConfirmationFailed", Map.of(
                "eventId", eventId, "aggregateId", Long.toString(reservationId),
                "payload.reservationId", reservationId, "payload.userId", userId, "payload.scheduleId", 1,
                "payload.seatId", 7, "payload.paymentId", paymentId, "payload.reason", "RESERVATION_EXPIRED"));
        kafka.send(Topics.RESERVATION_EVENTS, Long.toString(reservationId), envelope).get();
        return eventId;
    }

    @Test
    void shouldRefundExactlyOnceAndPublishPaymentRefundedWhenTheConfirmationFails() throws Exception {
        long paymentId = completedPayment(7, 42, 12_000);
        assertThat(USERS.balance(7)).isEqualTo(38_000);
        String eventId = UUID.randomUUID().toString();

        confirmationFailed(eventId, paymentId, 42, 7);
        confirmationFailed(eventId, paymentId, 42, 7);                          // redelivery
        confirmationFailed(UUID.randomUUID().toString(), paymentId, 42, 7);     // a second, distinct event

        await().atMost(Duration.ofSeconds(20)).until(() -> status(paymentId).equals("REFUNDED"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> USERS.refundsApplied.get() == 1);
        assertThat(USERS.balance(7)).isEqualTo(50_000);
        assertThat(outboxCount(EventTypes.PAYMENT_REFUNDED, paymentId)).isEqualTo(1);
        Contracts.assertMatches("events/PaymentRefunded", outboxEnvelope(EventTypes.PAYMENT_REFUNDED, paymentId));
        List<EventEnvelope> refunded = paymentEvents(paymentId, EventTypes.PAYMENT_REFUNDED, 1);
        assertThat(refunded).hasSize(1);
        assertThat(refunded.get(0).payload().path("amount").asLong()).isEqualTo(12_000);
        assertThat(refunded.get(0).payload().path("reason").asString()).isEqualTo("RESERVATION_EXPIRED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = 'payment-compensation' AND event_id = ?")
                .param(eventId).query(Long.class).single()).isEqualTo(1);
        // the reservation is free for a new payment attempt as far as payment-service is concerned
        assertThat(jdbc.sql("SELECT active_reservation_id FROM payment WHERE id = ?").param(paymentId)
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void shouldRetryTheRefundUntilUserServiceIsBack() throws Exception {
        long paymentId = completedPayment(7, 42, 12_000);
        USERS.down();

        confirmationFailed(UUID.randomUUID().toString(), paymentId, 42, 7);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(paymentId).equals("REFUNDING"));
        USERS.up();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(paymentId).equals("REFUNDED"));
        assertThat(USERS.refundsApplied.get()).isEqualTo(1);
        assertThat(USERS.balance(7)).isEqualTo(50_000);
        assertThat(outboxCount(EventTypes.PAYMENT_REFUNDED, paymentId)).isEqualTo(1);
    }

    @Test
    void shouldIgnoreOtherReservationEventsAndUnknownPayments() throws Exception {
        long paymentId = completedPayment(7, 42, 12_000);
        String confirmed = Contracts.sampleJson("events/ReservationConfirmed", Map.of("eventId",
                UUID.randomUUID().toString(), "aggregateId", "42", "payload.reservationId", 42, "payload.userId", 7,
                "payload.scheduleId", 1, "payload.seatId", 7, "payload.paymentId", paymentId));
        kafka.send(Topics.RESERVATION_EVENTS, "42", confirmed).get();
        String unknown = confirmationFailed(UUID.randomUUID().toString(), paymentId + 1, 42, 7);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(unknown).query(Long.class).single() == 1);
        assertThat(status(paymentId)).isEqualTo("COMPLETED");
        assertThat(USERS.refundRequests.get()).isZero();
        assertThat(USERS.balance(7)).isEqualTo(38_000);
    }

    @Test
    void shouldDeadLetterAnUnreadableEventAndCarryOnWithTheNext() throws Exception {
        long paymentId = completedPayment(7, 42, 12_000);

        kafka.send(Topics.RESERVATION_EVENTS, "42", "{not an envelope").get();
        confirmationFailed(UUID.randomUUID().toString(), paymentId, 42, 7);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(paymentId).equals("REFUNDED"));
        assertThat(readUntil(Topics.RESERVATION_EVENTS + Topics.DLT_SUFFIX,
                read -> read.stream().anyMatch(r -> r.value().equals("{not an envelope")))).isNotEmpty();
    }

    /** Race 3: a forged (or buggy) ReservationConfirmationFailed for a sold seat; the facts say it is paid, nothing moves. */
    @Test
    void shouldRefundNothingWhenTheReservationIsConfirmedForThePayment() throws Exception {
        long paymentId = completedPayment(7, 42, 12_000);
        RESERVATIONS.confirm(42, paymentId);
        String forged = confirmationFailed(UUID.randomUUID().toString(), paymentId, 42, 7);

        awaitProcessed(forged);
        assertThat(status(paymentId)).isEqualTo("COMPLETED");
        assertThat(USERS.refundRequests.get()).isZero();
        assertThat(USERS.balance(7)).isEqualTo(38_000);
        assertThat(RESERVATIONS.lookups.get()).isPositive();
        assertThat(outboxCount(EventTypes.PAYMENT_REFUNDED, paymentId)).isZero();
    }

    @Test
    void shouldRefundNothingWhileTheReservationIsStillLockedForThePayment() throws Exception {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        long paymentId = pay(7, 42).data().path("paymentId").asLong(); // PAYING: its PaymentCompleted not yet consumed
        String premature = confirmationFailed(UUID.randomUUID().toString(), paymentId, 42, 7);

        awaitProcessed(premature);
        assertThat(status(paymentId)).isEqualTo("COMPLETED");
        assertThat(USERS.refundRequests.get()).isZero();
    }

    @Test
    void shouldRefundOnlyOnceReservationServiceAnswersThatTheReservationIsNotPaid() throws Exception {
        long paymentId = completedPayment(7, 42, 12_000);
        RESERVATIONS.down();

        confirmationFailed(UUID.randomUUID().toString(), paymentId, 42, 7);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> status(paymentId).equals("COMPLETED"));
        assertThat(USERS.refundRequests.get()).isZero();
        RESERVATIONS.up();
        await().atMost(Duration.ofSeconds(40)).until(() -> status(paymentId).equals("REFUNDED"));
        assertThat(USERS.balance(7)).isEqualTo(50_000);
    }

    /** Event ids are stored whole: two ids alike in their first 36 characters are two events (CHAR(36) truncated them). */
    @Test
    void shouldTellApartEventIdsThatShareTheirFirst36Characters() throws Exception {
        long first = completedPayment(7, 42, 12_000);
        long second = completedPayment(8, 43, 5_000);
        String common = UUID.randomUUID().toString();

        confirmationFailed(common + "-first", first, 42, 7);
        confirmationFailed(common + "-second", second, 43, 8);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(first).equals("REFUNDED") && status(second).equals("REFUNDED"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id LIKE ?").param(common + "%")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(common + "-second")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterAnEventWhoseIdIsTooLongToStoreWhole() throws Exception {
        long paymentId = completedPayment(7, 42, 12_000);
        String tooLong = "x".repeat(256);

        confirmationFailed(tooLong, paymentId, 42, 7);

        assertThat(readUntil(Topics.RESERVATION_EVENTS + Topics.DLT_SUFFIX,
                read -> read.stream().anyMatch(r -> r.value().contains(tooLong)))).isNotEmpty();
        assertThat(status(paymentId)).isEqualTo("COMPLETED");
        assertThat(USERS.refundRequests.get()).isZero();
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(eventId).query(Long.class).single() == 1);
    }
}
