package com.ticketing.payment;

import com.ticketing.payment.reconcile.PaymentReconciler;
import com.ticketing.payment.stub.ReservationServiceStub.State;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests that arrive late, after payment-service decided that their step did not happen (issue 14). The stubs
 * play the late peers: a debit still running in user-service, a lock still queued in reservation-service, a
 * payment request still running when the reconciler settles its payment. Whatever the timing, no payment is
 * FAILED while its money is taken, no reservation stays locked by a payment that is over, and the slow request
 * gets an answer that says where its payment stands.
 */
class FencingTest extends PaymentServiceIntegrationTest {

    @Autowired
    PaymentReconciler reconciler;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    /** Race 1: the debit lands after the reconciler found none; the void written first makes user-service refuse it. */
    @Test
    void shouldNeverFailAPaymentWhoseDebitLandsAfterTheReconcilerFoundNone() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        USERS.lateDebits = 3_000; // past the 1 s read timeout and past the reconciler's look-up

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("PAYMENT_OUTCOME_UNKNOWN");
        long paymentId = onlyPaymentId();
        await().atMost(Duration.ofSeconds(15)).until(() -> USERS.debit(paymentId) != null
                || USERS.debitsRefusedAsVoided.get() == 1);
        awaitSettled();
        assertMoneyMatchesPayments();
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(USERS.balance(7)).isEqualTo(50_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> RESERVATIONS.reservation(42).state() == State.HELD);
        USERS.lateDebits = 0;
        assertThat(pay(7, 42).status()).as("the reservation can be paid again").isEqualTo(200);
        assertThat(USERS.balance(7)).isEqualTo(38_000);
    }

    /** The same race the other way round: the debit still running when the void arrives commits first. */
    @Test
    void shouldCompleteThePaymentWhenTheDebitRunningAtTheVoidCommitsFirst() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        USERS.holdDebits();
        USERS.debitsCommitBeforeVoid = true;

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(503);
        long paymentId = onlyPaymentId();
        await().atMost(Duration.ofSeconds(15)).until(() -> !status(paymentId).equals("DEBIT_UNKNOWN"));
        USERS.releaseDebits(); // in case nobody voided: let the debit land now
        await().atMost(Duration.ofSeconds(5)).until(() -> USERS.debit(paymentId) != null);
        awaitSettled();
        assertMoneyMatchesPayments();
        assertThat(status(paymentId)).isEqualTo("COMPLETED");
        assertThat(USERS.balance(7)).isEqualTo(38_000);
        assertThat(RESERVATIONS.reservation(42).lockedBy()).isEqualTo(paymentId);
    }

    /** Race 2: the lock arrives after the unlock of its timed-out payment; the unlock's fence refuses it. */
    @Test
    void shouldLeaveNoReservationLockedByAPaymentWhoseLockArrivedAfterItWasGivenUp() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        RESERVATIONS.lateLocks = 3_000;

        Answer answer = pay(7, 42);

        assertThat(answer.status()).isEqualTo(503);
        long paymentId = onlyPaymentId();
        await().atMost(Duration.ofSeconds(15)).until(() -> RESERVATIONS.lockRequests.get() == 1
                && RESERVATIONS.heldLocks() == 0 && !lockMayBeHeld(paymentId));
        RESERVATIONS.lateLocks = 0;
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> RESERVATIONS.reservation(42).state() == State.HELD);
        assertThat(status(paymentId)).isEqualTo("FAILED");
        assertThat(USERS.debitRequests.get()).isZero();
        assertThat(pay(7, 42).status()).isEqualTo(200);
    }

    /** Race 4, lock step: the reconciler settles the payment as abandoned while its request waits for the lock. */
    @Test
    void shouldAnswerTheSlowRequestWithThePaymentsStateWhenTheReconcilerFailedItDuringTheLock() throws Exception {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        RESERVATIONS.holdLocks();
        CompletableFuture<Answer> request = CompletableFuture.supplyAsync(() -> pay(7, 42));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> RESERVATIONS.heldLocks() == 1);
        long paymentId = onlyPaymentId();

        settleAsAbandoned(paymentId);
        RESERVATIONS.releaseLocks();
        Answer answer = request.get();

        assertThat(answer.status()).isIn(409, 503);
        assertThat(answer.errorCode()).isEqualTo("PAYMENT_FAILED");
        assertThat(answer.body().path("error").path("payment").path("paymentId").asLong()).isEqualTo(paymentId);
        assertThat(answer.body().path("error").path("payment").path("status").asString()).isEqualTo("FAILED");
        awaitSettled();
        assertThat(RESERVATIONS.reservation(42).state()).isEqualTo(State.HELD);
        assertThat(USERS.debitRequests.get()).isZero();
    }

    /** Race 4, debit step: the reconciler voids the debit while the request's debit is still on its way. */
    @Test
    void shouldAnswerTheSlowRequestWithThePaymentsStateWhenTheReconcilerVoidedItsDebit() throws Exception {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        USERS.holdDebits();
        CompletableFuture<Answer> request = CompletableFuture.supplyAsync(() -> pay(7, 42));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> USERS.heldDebits() == 1);
        long paymentId = onlyPaymentId();

        settleAsAbandoned(paymentId);
        USERS.releaseDebits();
        Answer answer = request.get();

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo("PAYMENT_FAILED");
        assertThat(answer.body().path("error").path("payment").path("status").asString()).isEqualTo("FAILED");
        awaitSettled();
        assertMoneyMatchesPayments();
        assertThat(USERS.balance(7)).isEqualTo(50_000);
        assertThat(RESERVATIONS.reservation(42).state()).isEqualTo(State.HELD);
    }

    /**
     * Race 4, the reconciler mid-way: it settles a payment in a transaction that row-locks it and makes its remote
     * calls there (debit look-up, void, unlock: on the real stack each up to a 3 s read timeout). Meanwhile the
     * request's debit goes through. The request must not wait for all of that (past the gateway's 10 s on the payment route, whose bare
     * 503 says nothing of the payment): within a second it answers with the payment as it stands, and whoever
     * settles the payment completes it.
     */
    @Test
    void shouldAnswerTheSlowRequestWithinASecondWhileTheReconcilerHoldsItsPayment() throws Exception {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        USERS.holdDebits();
        CompletableFuture<Answer> request = CompletableFuture.supplyAsync(() -> pay(7, 42));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> USERS.heldDebits() == 1);
        long paymentId = onlyPaymentId();
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch settled = new CountDownLatch(1);
        CompletableFuture<Void> settling = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT id FROM payment WHERE id = ? FOR UPDATE").param(paymentId).query(Long.class).single();
            locked.countDown();
            awaitQuietly(settled, 8); // the reconciler's slow remote calls
        }));
        assertThat(locked.await(5, TimeUnit.SECONDS)).isTrue();

        long released = System.nanoTime();
        USERS.releaseDebits();
        Answer answer;
        try {
            answer = request.get(15, TimeUnit.SECONDS);
        } finally {
            settled.countDown();
            settling.get(15, TimeUnit.SECONDS);
        }
        long waitedMs = (System.nanoTime() - released) / 1_000_000;

        assertThat(waitedMs).as("the request waited for the transaction holding its payment").isLessThan(2_500);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.errorCode()).isEqualTo("PAYMENT_OUTCOME_UNKNOWN");
        assertThat(answer.body().path("error").path("payment").path("paymentId").asLong()).isEqualTo(paymentId);
        jdbc.sql("UPDATE payment SET reconcile_after = NOW(6) - INTERVAL 1 SECOND WHERE id = ?").param(paymentId).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(paymentId).equals("COMPLETED"));
        awaitSettled();
        assertMoneyMatchesPayments();
        assertThat(USERS.balance(7)).isEqualTo(38_000);
    }

    private static void awaitQuietly(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the reconciler does once a PENDING payment looks abandoned (stale-pending-after passed). */
    private void settleAsAbandoned(long paymentId) {
        jdbc.sql("UPDATE payment SET reconcile_after = NOW(6) - INTERVAL 1 SECOND WHERE id = ?").param(paymentId).update();
        await().atMost(Duration.ofMillis(600)).pollInterval(Duration.ofMillis(10)).until(() -> {
            reconciler.reconcileNext();
            return status(paymentId).equals("FAILED");
        });
    }

    private boolean lockMayBeHeld(long paymentId) {
        return jdbc.sql("SELECT reservation_locked FROM payment WHERE id = ?").param(paymentId).query(Boolean.class).single();
    }

    private void awaitSettled() {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM payment WHERE reconcile_after IS NOT NULL").query(Long.class).single() == 0);
    }

    /** Money taken exactly for the completed payments: no FAILED payment keeps a debit. */
    private void assertMoneyMatchesPayments() {
        Set<Long> completed = jdbc.sql("SELECT id FROM payment WHERE status = 'COMPLETED'").query(Long.class).list()
                .stream().collect(Collectors.toSet());
        assertThat(USERS.standingDebits()).isEqualTo(completed);
    }

}
