package com.ticketing.payment;

import com.ticketing.common.contracts.Contracts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What other services and the reconciliation check read from payment-service (docs/contracts.md). */
class InternalEndpointsTest extends PaymentServiceIntegrationTest {

    @Test
    void shouldTellWhetherAPaymentStillHoldsItsReservation() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        RESERVATIONS.hold(43, 7, 99_000);
        long completed = pay(7, 42).data().path("paymentId").asLong();
        assertThat(pay(7, 43).errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
        long failed = jdbc.sql("SELECT id FROM payment WHERE reservation_id = 43").query(Long.class).single();

        JsonNode kept = get("/internal/payments/" + completed, Map.of()).data();
        JsonNode over = get("/internal/payments/" + failed, Map.of()).data();
        Answer unknown = get("/internal/payments/" + (failed + 1), Map.of());

        // what reservation-service's PaymentStates reads (common's contract sample)
        Contracts.assertMatches("payment-service/payment-state-answer", kept);
        Contracts.assertMatches("payment-service/payment-state-answer", over);
        assertThat(kept.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(kept.path("holdsReservation").asBoolean()).isTrue();
        assertThat(over.path("status").asString()).isEqualTo("FAILED");
        assertThat(over.path("holdsReservation").asBoolean()).isFalse();
        assertThat(over.path("failureCode").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(USERS.isVoided(failed)).as("a refused debit is voided before the payment fails").isTrue();
    }

    @Test
    void shouldReportThePaymentsHoldingReservationsForTheReconciliationCheck() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        long completed = pay(7, 42).data().path("paymentId").asLong();

        JsonNode report = get("/internal/reconciliation", Map.of()).data();

        assertThat(report.path("service").asString()).isEqualTo("payment-service");
        assertThat(report.path("payments").path("COMPLETED").asLong()).isEqualTo(1);
        assertThat(report.path("held")).singleElement().satisfies(p -> {
            assertThat(p.path("paymentId").asLong()).isEqualTo(completed);
            assertThat(p.path("amount").asLong()).isEqualTo(12_000);
            assertThat(p.path("status").asString()).isEqualTo("COMPLETED");
        });
        assertThat(report.path("findings")).isEmpty();
    }
}
