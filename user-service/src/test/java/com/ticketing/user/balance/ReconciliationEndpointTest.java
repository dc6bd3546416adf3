package com.ticketing.user.balance;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationEndpointTest extends BalanceIntegrationTest {

    @Test
    void shouldListEveryDebitWithWhetherItWasRefunded() {
        long userId = newUser();
        seedBalance(userId, 50_000);
        long kept = newPaymentId();
        long refunded = newPaymentId();
        debit(userId, kept, 10_000);
        debit(userId, refunded, 5_000);
        refund(userId, refunded, 5_000);

        JsonNode report = get("/internal/reconciliation").body().path("data");

        assertThat(report.path("service").asString()).isEqualTo("user-service");
        assertThat(debitOf(report, kept).path("refunded").asBoolean()).isFalse();
        assertThat(debitOf(report, kept).path("amount").asLong()).isEqualTo(10_000);
        assertThat(debitOf(report, refunded).path("refunded").asBoolean()).isTrue();
        assertThat(report.path("checks").size()).isEqualTo(2);
    }

    @Test
    void shouldFindAUserWhoseBalanceIsNotWhatTheLedgerSays() {
        long userId = newUser();
        seedBalance(userId, 50_000);
        jdbc.update("UPDATE users SET balance = balance + 1 WHERE user_id = ?", userId);
        try {
            JsonNode report = get("/internal/reconciliation").body().path("data");

            assertThat(report.path("findings").valueStream()
                    .filter(f -> f.path("subject").asString().equals("user " + userId)))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.path("check").asString()).isEqualTo("MONEY_CONSERVED");
                        assertThat(f.path("detail").asString()).contains("50001").contains("50000");
                    });
        } finally {
            jdbc.update("UPDATE users SET balance = balance - 1 WHERE user_id = ?", userId);
        }
    }

    private static JsonNode debitOf(JsonNode report, long paymentId) {
        return report.path("debits").valueStream()
                .filter(d -> d.path("paymentId").asLong() == paymentId)
                .findFirst().orElseThrow(() -> new AssertionError("no debit " + paymentId + " in " + report));
    }
}
