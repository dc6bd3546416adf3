package com.ticketing.payment;

import com.ticketing.common.event.EventTypes;
import com.ticketing.payment.stub.ReservationServiceStub.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DownstreamFailureTest extends PaymentServiceIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private CircuitBreaker userServiceBreaker() {
        return breakers.getCircuitBreakerRegistry().circuitBreaker("user-service");
    }

    @Test
    void shouldAnswer503WithoutDebitingAndUnlockWhenUserServiceIsDown() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        USERS.down();

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        long paymentId = onlyPaymentId();
        // connection refused: the debit certainly never arrived, so the payment is over, not ambiguous
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(RESERVATIONS.reservation(42).state()).isEqualTo(State.HELD);
        USERS.up();
        assertThat(USERS.debitRequests.get()).isZero();
        assertThat(USERS.balance(7)).isEqualTo(50_000);
        assertThat(outboxCount()).isZero();
    }

    @Test
    void shouldOpenTheBreakerAfterRepeatedFailuresAndStopCallingUntilItMayTryAgain() {
        USERS.setBalance(7, 50_000);
        for (long r = 1; r <= 5; r++) {
            RESERVATIONS.hold(r, 7, 1_000);
        }
        USERS.down();
        for (long r = 1; r <= 3; r++) {
            assertThat(pay(7, r).status()).isEqualTo(503);
        }
        assertThat(userServiceBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        USERS.up();
        int locksBefore = RESERVATIONS.lockRequests.get();
        Answer whileOpen = pay(7, 4);

        assertThat(whileOpen.status()).isEqualTo(503);
        assertThat(whileOpen.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(USERS.debitRequests.get()).as("no call while the breaker is open").isZero();
        assertThat(RESERVATIONS.lockRequests.get()).as("refused before locking the reservation").isEqualTo(locksBefore);
        assertThat(RESERVATIONS.reservation(4).state()).isEqualTo(State.HELD);

        // after the open wait a trial call goes through and, succeeding, closes the breaker again
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> pay(7, 5).status() == 200);
        assertThat(USERS.debitsApplied.get()).isEqualTo(1);
        assertThat(USERS.balance(7)).isEqualTo(49_000);
    }

    @Test
    void shouldResolveAnUnknownDebitThroughTheReconcilerAndCompleteOnce() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        USERS.slowDebits = 1_600; // applies, then answers after the 1 s read timeout
        double unknownBefore = meters.counter("payment.outcomes", "outcome", "debit_unknown").count();

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("PAYMENT_OUTCOME_UNKNOWN");
        assertThat(USERS.debitRequests.get()).as("a read timeout is not retried").isEqualTo(1);
        assertThat(meters.counter("payment.outcomes", "outcome", "debit_unknown").count()).isEqualTo(unknownBefore + 1);
        long paymentId = onlyPaymentId();
        assertThat(status(paymentId)).isIn("DEBIT_UNKNOWN", "COMPLETED");
        USERS.slowDebits = 0;

        await().atMost(Duration.ofSeconds(20)).until(() -> status(paymentId).equals("COMPLETED"));
        assertThat(USERS.debitsApplied.get()).isEqualTo(1);
        assertThat(USERS.balance(7)).isEqualTo(38_000);
        assertThat(USERS.lookups.get()).isPositive();
        assertThat(RESERVATIONS.reservation(42).lockedBy()).isEqualTo(paymentId);
        assertThat(outboxCount(EventTypes.PAYMENT_COMPLETED, paymentId)).isEqualTo(1);
        assertThat(paymentEvents(paymentId, EventTypes.PAYMENT_COMPLETED, 1)).hasSize(1);
        // the owner sees it completed; the balance right after the debit was never seen here
        Answer view = get("/v1/api/concerts/payment/" + paymentId, java.util.Map.of("X-User-Id", "7"));
        assertThat(view.data().path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldFailAnUnknownDebitThatWasNeverTakenAndUnlockTheReservation() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        USERS.lostDebits = 1_300; // answers late and applies nothing

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("PAYMENT_OUTCOME_UNKNOWN");
        long paymentId = onlyPaymentId();
        USERS.lostDebits = 0;
        await().atMost(Duration.ofSeconds(20)).until(() -> status(paymentId).equals("FAILED"));
        await().atMost(Duration.ofSeconds(5)).until(() -> RESERVATIONS.reservation(42).state() == State.HELD);
        assertThat(USERS.debitsApplied.get()).isZero();
        assertThat(USERS.balance(7)).isEqualTo(50_000);
        assertThat(outboxCount()).isZero();
        // the reservation can be paid again
        assertThat(pay(7, 42).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer503AndDebitNothingWhenReservationServiceIsDown() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        RESERVATIONS.down();

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(status(onlyPaymentId())).isEqualTo("FAILED");
        assertThat(USERS.debitRequests.get()).isZero();
        RESERVATIONS.up();
        assertThat(pay(7, 42).status()).isEqualTo(200);
    }

    @Test
    void shouldReleaseALockWhoseAnswerWasLostOnceTheReservationServiceAnswersAgain() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        long paymentId = insertPayment(7, 42, null, "FAILED", Instant.now().minusSeconds(5));
        jdbc.sql("UPDATE payment SET active_reservation_id = NULL, reservation_locked = TRUE WHERE id = ?")
                .param(paymentId).update();
        RESERVATIONS.lockFor(42, paymentId);

        await().atMost(Duration.ofSeconds(10)).until(() -> RESERVATIONS.reservation(42).state() == State.HELD);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
                "SELECT reservation_locked FROM payment WHERE id = ?").param(paymentId).query(Boolean.class).single() == false);
    }

    @Test
    void shouldSettleAPaymentAbandonedByACrashedRequest() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        RESERVATIONS.hold(43, 7, 2_000);
        // request 1 died after its debit went through; request 2 died after locking, before the debit
        long debited = 1_000_042;
        assertThat(debitDirectly(7, debited, 12_000)).isEqualTo(200);
        insertPayment(7, 42, 12_000L, "PENDING", Instant.now().minusSeconds(60));
        RESERVATIONS.lockFor(42, debited);
        long notDebited = insertPayment(7, 43, 2_000L, "PENDING", Instant.now().minusSeconds(60));
        RESERVATIONS.lockFor(43, notDebited);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(debited).equals("COMPLETED")
                && status(notDebited).equals("FAILED"));
        assertThat(outboxCount(EventTypes.PAYMENT_COMPLETED, debited)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> RESERVATIONS.reservation(43).state() == State.HELD);
        assertThat(RESERVATIONS.reservation(42).lockedBy()).isEqualTo(debited);
        assertThat(USERS.balance(7)).isEqualTo(38_000);
    }

    private long insertPayment(long userId, long reservationId, Long amount, String status, Instant due) {
        long id = 1_000_000 + reservationId;
        jdbc.sql("INSERT INTO payment (id, user_id, reservation_id, active_reservation_id, amount, status, "
                        + "reservation_locked, created_at, updated_at, reconcile_after) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)")
                .params(id, userId, reservationId, reservationId, amount, status, Timestamp.from(due),
                        Timestamp.from(due), Timestamp.from(due))
                .update();
        return id;
    }

    private int debitDirectly(long userId, long paymentId, long amount) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(USERS.url() + "/internal/users/" + userId + "/debits"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"paymentId\":" + paymentId + ",\"amount\":" + amount + "}"))
                    .build();
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
