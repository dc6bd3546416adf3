package com.ticketing.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, race 1 on the real stack: a debit that reaches user-service after payment-service gave up on it.
 *
 * <p>user-service holds every {@code /internal/users/} request arriving in the next 3 s for a while. The payment's
 * debit is one of them: payment-service's 3 s read timeout passes, the payment answers 503
 * {@code PAYMENT_OUTCOME_UNKNOWN} and is {@code DEBIT_UNKNOWN}. Its reconciler asks for the debit after its 5 s retry
 * delay, when the fault is over:
 * <ul>
 *   <li>held 15 s, the debit is not there yet: the reconciler voids the payment id in user-service, then fails the
 *       payment and unlocks the reservation. When the debit finally runs, 15 s after it was sent, the void refuses
 *       it: no money moves, the reservation is payable again and a second payment takes the money once;</li>
 *   <li>held 6 s, the debit commits before the reconciler looks: it finds it and completes the payment.</li>
 * </ul>
 */
class LateDebitSystemTest {

    private static final long FAULT_SECONDS = 3;

    @AfterEach
    void clearFaults() {
        Fences.clearFault(Fences.USER_SERVICE);
    }

    @Test
    void shouldRefuseADebitThatArrivesAfterTheReconcilerVoidedItsPayment() {
        double voidedBefore = voidedDebits();
        Unknown unknown = payWhileDebitsWait(15_000);
        Purchases.Buyer buyer = unknown.buyer();
        long reservationId = buyer.hold().reservationId();
        int debitsBefore = unknown.debitsBefore();
        Gateway.Response paid = unknown.paid();
        long paymentId = unknown.paymentId();
        long sentAt = unknown.sentAt();

        Gateway.await("payment " + paymentId + " FAILED with DEBIT_NOT_TAKEN", Duration.ofSeconds(25),
                () -> "FAILED".equals(ownPayment(buyer, paymentId).path("status").asText()));
        JsonNode failed = ownPayment(buyer, paymentId);
        assertThat(failed.path("failureCode").asText()).isEqualTo("DEBIT_NOT_TAKEN");
        long failedAfter = System.currentTimeMillis() - sentAt;

        // The debit was held 15 s: it reaches the ledger only now, and the void refuses it.
        Gateway.await("the late debit refused by the void (balance.rejections{PAYMENT_VOIDED})",
                Duration.ofSeconds(30), () -> voidedDebits() >= voidedBefore + 1);
        long refusedAfter = System.currentTimeMillis() - sentAt;
        Gateway.sleep(1_000);
        assertThat(Purchases.balance(buyer.token())).as("nothing taken by the voided payment").isEqualTo(buyer.balance());
        assertThat(Fences.debitsOf(buyer.userId())).as("no new debit of user " + buyer.userId()).hasSize(debitsBefore);
        assertThat(Purchases.reservationStatus(buyer.token(), reservationId)).isEqualTo("HELD");
        assertThat(Fences.payment(paymentId).path("holdsReservation").asBoolean()).isFalse();

        Gateway.Response again = Purchases.pay(buyer.token(), reservationId);
        assertThat(again.status()).as("paying again: " + again.raw()).isEqualTo(200);
        assertThat(again.data().path("paymentId").asLong()).isNotEqualTo(paymentId);
        assertThat(Purchases.balance(buyer.token())).isEqualTo(buyer.balance() - buyer.hold().price());
        List<JsonNode> debits = Fences.debitsOf(buyer.userId());
        assertThat(debits).as("exactly one new debit, of the second payment").hasSize(debitsBefore + 1);
        assertThat(debits.stream().filter(d -> d.path("paymentId").asLong() == paymentId)).isEmpty();
        assertThat(debits.stream().filter(d -> d.path("paymentId").asLong() == again.data().path("paymentId").asLong()))
                .hasSize(1);

        Gateway.await("reservation CONFIRMED", Duration.ofSeconds(60),
                () -> "CONFIRMED".equals(Purchases.reservationStatus(buyer.token(), reservationId)));
        Fences.assertNoMoneyTakenWithoutTicket(buyer.userId(), reservationId);
        Fences.CheckRun check = Fences.assertReconciled(60);
        System.out.printf("late debit (held 15 s): 503 in %d ms; payment FAILED/DEBIT_NOT_TAKEN %d ms after it was "
                        + "sent; the debit arrived and was refused %d ms after; balance unchanged (%d); paid again: "
                        + "one debit of %d; reconcile-check: %s%n", paid.millis(), failedAfter, refusedAfter,
                buyer.balance(), buyer.hold().price(), lastLine(check));
    }

    @Test
    void shouldCompleteAPaymentWhoseDebitLandsBeforeTheReconcilerLooks() {
        Unknown slow = payWhileDebitsWait(6_000);
        Purchases.Buyer buyer = slow.buyer();
        long paymentId = slow.paymentId();

        Gateway.await("payment " + paymentId + " COMPLETED by the reconciler", Duration.ofSeconds(25),
                () -> "COMPLETED".equals(ownPayment(buyer, paymentId).path("status").asText()));
        long completedAfter = System.currentTimeMillis() - slow.sentAt();
        assertThat(Purchases.balance(buyer.token())).as("debited once")
                .isEqualTo(buyer.balance() - buyer.hold().price());
        assertThat(Fences.debitsOf(buyer.userId())).hasSize(slow.debitsBefore() + 1);

        Gateway.Session viewer = Gateway.admitted(Gateway.randomUser());
        Gateway.await("seat " + buyer.hold().seatId() + " SOLD", Duration.ofSeconds(60),
                () -> "SOLD".equals(Purchases.seatStatus(viewer, buyer.hold().scheduleId(), buyer.hold().seatId())));
        assertThat(Purchases.reservationStatus(buyer.token(), buyer.hold().reservationId())).isEqualTo("CONFIRMED");
        Fences.assertNoMoneyTakenWithoutTicket(buyer.userId(), buyer.hold().reservationId());
        Fences.CheckRun check = Fences.assertReconciled(60);
        System.out.printf("slow debit (held 6 s): 503 in %d ms; payment COMPLETED by the reconciler %d ms after it "
                + "was sent; seat SOLD; reconcile-check: %s%n", slow.paid().millis(), completedAfter, lastLine(check));
    }

    /** A payment answered 503 PAYMENT_OUTCOME_UNKNOWN: its debit is still waiting in user-service. */
    record Unknown(Purchases.Buyer buyer, int debitsBefore, Gateway.Response paid, long paymentId, long sentAt) {
    }

    /**
     * A new buyer pays while user-service holds the debits arriving in the next {@value #FAULT_SECONDS} s for
     * {@code delayMs}: past payment-service's 3 s read timeout, the payment answers 503 and names itself.
     */
    private static Unknown payWhileDebitsWait(long delayMs) {
        Purchases.Buyer buyer = Purchases.buyer();
        int debitsBefore = Fences.debitsOf(buyer.userId()).size(); // a random demo user may have bought before
        Fences.slowDown(Fences.USER_SERVICE, delayMs, "/internal/users/", FAULT_SECONDS);
        long sentAt = System.currentTimeMillis();
        Gateway.Response paid = Purchases.pay(buyer.token(), buyer.hold().reservationId());

        assertThat(paid.status()).as(paid.raw()).isEqualTo(503);
        assertThat(paid.errorCode()).isEqualTo("PAYMENT_OUTCOME_UNKNOWN");
        long paymentId = paid.body().path("error").path("payment").path("paymentId").asLong();
        assertThat(paymentId).as("the 503 names the payment to poll: " + paid.raw()).isPositive();
        return new Unknown(buyer, debitsBefore, paid, paymentId, sentAt);
    }

    /** The payment as its buyer reads it through the gateway (the login alone is enough). */
    static JsonNode ownPayment(Purchases.Buyer buyer, long paymentId) {
        Gateway.Response r = Gateway.get("/v1/api/concerts/payment/" + paymentId, Gateway.bearer(buyer.token()));
        assertThat(r.status()).as("GET payment " + paymentId + ": " + r.raw()).isEqualTo(200);
        return r.data();
    }

    private static double voidedDebits() {
        return Fences.counter(Fences.USER_SERVICE, "balance.rejections", "reason:PAYMENT_VOIDED");
    }

    static String lastLine(Fences.CheckRun check) {
        String[] lines = check.output().split("\n");
        return lines.length >= 2 ? lines[lines.length - 2].strip() + ", " + lines[lines.length - 1].strip()
                : check.output();
    }
}
