package com.ticketing.payment;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventTypes;
import com.ticketing.payment.stub.ReservationServiceStub;
import com.ticketing.payment.stub.ReservationServiceStub.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PayingReservationTest extends PaymentServiceIntegrationTest {

    @Test
    void shouldCompleteThePaymentAndPublishPaymentCompletedKeyedByPaymentId() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(200);
        long paymentId = answer.data().path("paymentId").asLong();
        assertThat(paymentId).isPositive();
        assertThat(answer.data().path("reservationId").asLong()).isEqualTo(42);
        assertThat(answer.data().path("amount").asLong()).isEqualTo(12_000);
        assertThat(answer.data().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(answer.data().path("balance").asLong()).isEqualTo(38_000);
        assertThat(status(paymentId)).isEqualTo("COMPLETED");
        assertThat(USERS.balance(7)).isEqualTo(38_000);
        assertThat(RESERVATIONS.reservation(42).state()).isEqualTo(State.PAYING);
        assertThat(RESERVATIONS.reservation(42).lockedBy()).isEqualTo(paymentId);
        assertThat(outboxCount(EventTypes.PAYMENT_COMPLETED, paymentId)).isEqualTo(1);
        // what reservation-service and queue-service read (common's contract sample)
        Contracts.assertMatches("events/PaymentCompleted", outboxEnvelope(EventTypes.PAYMENT_COMPLETED, paymentId));

        List<EventEnvelope> events = paymentEvents(paymentId, EventTypes.PAYMENT_COMPLETED, 1);
        assertThat(events).hasSize(1);
        EventEnvelope event = events.get(0);
        assertThat(event.eventId()).isNotBlank();
        assertThat(event.occurredAt()).isNotNull();
        assertThat(event.aggregateId()).isEqualTo(Long.toString(paymentId));
        assertThat(event.payload().path("paymentId").asLong()).isEqualTo(paymentId);
        assertThat(event.payload().path("reservationId").asLong()).isEqualTo(42);
        assertThat(event.payload().path("userId").asLong()).isEqualTo(7);
        assertThat(event.payload().path("amount").asLong()).isEqualTo(12_000);
        // the reservation's schedule, from the lock: queue-service ends the payer's session in that room
        assertThat(event.payload().path("scheduleId").asLong()).isEqualTo(ReservationServiceStub.SCHEDULE);
    }

    @Test
    void shouldRefuseAPayerAdmittedToAnotherSchedulesRoomAndTakeNothing() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(45, 7, 12_000, 5);

        Answer otherRoom = payAdmittedTo(6, 7, 45, "other-room-1");
        Answer noRoom = post("/v1/api/concerts/payment", "{\"reservationId\": 45}", Map.of("X-User-Id", "7"));

        for (Answer refused : List.of(otherRoom, noRoom)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("QUEUE_NOT_ADMITTED");
        }
        assertThat(USERS.debitRequests.get()).isZero();
        assertThat(USERS.balance(7)).isEqualTo(50_000);
        assertThat(RESERVATIONS.reservation(45).state()).isEqualTo(State.HELD);
        assertThat(outboxCount()).isZero();
        // The refused attempt is over (FAILED, holding nothing, nothing left to reconcile); no attempt without a room.
        assertThat(jdbc.sql("SELECT status, failure_code, reservation_locked, reconcile_after IS NULL FROM payment")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3) + " " + rs.getBoolean(4))
                .list()).containsExactly("FAILED QUEUE_NOT_ADMITTED false true");

        // From the schedule's own room the same user pays, even with the same Idempotency-Key.
        Answer ownRoom = payAdmittedTo(5, 7, 45, "other-room-1");
        assertThat(ownRoom.status()).isEqualTo(200);
        assertThat(USERS.balance(7)).isEqualTo(38_000);
        long paymentId = ownRoom.data().path("paymentId").asLong();
        assertThat(paymentEvents(paymentId, EventTypes.PAYMENT_COMPLETED, 1).get(0).payload().path("scheduleId").asLong())
                .isEqualTo(5);
    }

    @Test
    void shouldPassThroughReservationRefusalsAndFailThePayment() {
        USERS.setBalance(7, 50_000);
        USERS.setBalance(8, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        RESERVATIONS.hold(43, 7, 12_000);
        RESERVATIONS.expire(43);
        RESERVATIONS.hold(44, 7, 12_000);
        RESERVATIONS.lockFor(44, 999);

        Answer someoneElses = pay(8, 42);
        Answer unknown = pay(7, 4242);
        Answer notPayable = pay(7, 43);
        Answer lockedByAnother = pay(7, 44);

        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.errorCode()).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(notPayable.status()).isEqualTo(409);
        assertThat(notPayable.errorCode()).isEqualTo("RESERVATION_NOT_PAYABLE");
        assertThat(lockedByAnother.status()).isEqualTo(409);
        assertThat(lockedByAnother.errorCode()).isEqualTo("RESERVATION_LOCKED");
        assertThat(jdbc.sql("SELECT status FROM payment").query(String.class).list()).containsOnly("FAILED").hasSize(4);
        assertThat(USERS.debitRequests.get()).isZero();
        assertThat(outboxCount()).isZero();

        // a failed attempt frees the reservation for a later one
        Answer owner = pay(7, 42);
        assertThat(owner.status()).isEqualTo(200);
    }

    @Test
    void shouldRejectInsufficientBalanceUnlockTheReservationAndPayOnceCharged() {
        USERS.setBalance(7, 5_000);
        RESERVATIONS.hold(42, 7, 12_000);

        Answer refused = pay(7, 42);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
        long failedId = onlyPaymentId();
        assertThat(status(failedId)).isEqualTo("FAILED");
        assertThat(RESERVATIONS.reservation(42).state()).isEqualTo(State.HELD);
        assertThat(USERS.balance(7)).isEqualTo(5_000);
        assertThat(outboxCount()).isZero();

        USERS.setBalance(7, 20_000);
        Answer paid = pay(7, 42);

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.data().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(paid.data().path("paymentId").asLong()).isNotEqualTo(failedId);
        assertThat(USERS.balance(7)).isEqualTo(8_000);
        assertThat(USERS.debitsApplied.get()).isEqualTo(1);
    }

    @Test
    void shouldRefuseToPayAPaidReservationAgain() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        assertThat(pay(7, 42).status()).isEqualTo(200);

        Answer again = pay(7, 42);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ALREADY_PAID");
        assertThat(USERS.debitsApplied.get()).isEqualTo(1);
        assertThat(paymentCount()).isEqualTo(1);
    }

    @Test
    void shouldAnswerTheFirstResultAgainForTheSameIdempotencyKey() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        RESERVATIONS.hold(43, 7, 1_000);

        Answer first = pay(7, 42, "order-1");
        Answer second = pay(7, 42, "order-1");
        Answer otherReservation = pay(7, 43, "order-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.data()).isEqualTo(first.data());
        assertThat(otherReservation.status()).isEqualTo(422);
        assertThat(otherReservation.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(USERS.debitsApplied.get()).isEqualTo(1);
        assertThat(paymentCount()).isEqualTo(1);
        // keys are per user: another user's identical key is their own
        USERS.setBalance(8, 5_000);
        RESERVATIONS.hold(50, 8, 1_000);
        assertThat(pay(8, 50, "order-1").status()).isEqualTo(200);
    }

    @Test
    void shouldShowAPaymentOnlyToItsOwner() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        long paymentId = pay(7, 42).data().path("paymentId").asLong();

        Answer own = get("/v1/api/concerts/payment/" + paymentId, Map.of("X-User-Id", "7"));
        Answer foreign = get("/v1/api/concerts/payment/" + paymentId, Map.of("X-User-Id", "8"));
        Answer missing = get("/v1/api/concerts/payment/" + (paymentId + 1), Map.of("X-User-Id", "7"));

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.data().path("paymentId").asLong()).isEqualTo(paymentId);
        assertThat(own.data().path("status").asString()).isEqualTo("COMPLETED");
        assertThat(own.data().path("amount").asLong()).isEqualTo(12_000);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.errorCode()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void shouldPassThroughAnUnknownUserAndUnlockTheReservation() {
        RESERVATIONS.hold(42, 7, 12_000);

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("USER_NOT_FOUND");
        assertThat(status(onlyPaymentId())).isEqualTo("FAILED");
        assertThat(RESERVATIONS.reservation(42).state()).isEqualTo(State.HELD);
    }
}
