package com.ticketing.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputTest extends PaymentServiceIntegrationTest {

    private void assertNothingHappened() {
        assertThat(paymentCount()).isZero();
        assertThat(outboxCount()).isZero();
        assertThat(RESERVATIONS.lockRequests.get()).isZero();
        assertThat(USERS.debitRequests.get()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"reservationId\": ",                       // malformed
            "not json",
            "",                                           // no body
            "[]",
            "{}",                                         // missing field
            "{\"reservationId\": null}",
            "{\"reservationId\": \"42\"}",                // wrong type
            "{\"reservationId\": \"abc\"}",
            "{\"reservationId\": 42.5}",
            "{\"reservationId\": true}",
            "{\"reservationId\": [42]}",
            "{\"reservationId\": {\"id\": 42}}",
            "{\"reservationId\": 0}",                     // not positive
            "{\"reservationId\": -42}",
            "{\"reservationId\": 9223372036854775808}",   // overflow
            "{\"reservationId\": 1e400}"
    })
    void shouldRejectABadPaymentBodyWithA400AndWriteNothing(String body) {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);

        Answer answer = post("/v1/api/concerts/payment", body, Map.of("X-User-Id", "7", "X-Queue-Room", "1"));

        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.errorCode()).as(body).isIn("MALFORMED_REQUEST", "VALIDATION_FAILED");
        assertNothingHappened();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-7", "0", "99999999999999999999"})
    void shouldAnswer401WithoutAValidUserIdentity(String userHeader) {
        Map<String, String> headers = userHeader.isEmpty() ? Map.of() : Map.of("X-User-Id", userHeader);

        Answer answer = post("/v1/api/concerts/payment", "{\"reservationId\": 42}", headers);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertNothingHappened();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "ü-umlaut", "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void shouldRejectAMalformedIdempotencyKey(String key) {
        RESERVATIONS.hold(42, 7, 12_000);

        Answer answer = post("/v1/api/concerts/payment", "{\"reservationId\": 42}",
                Map.of("X-User-Id", "7", "X-Queue-Room", "1", "Idempotency-Key", key));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertNothingHappened();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999", "1.5"})
    void shouldRejectABadPaymentIdWithA400(String id) {
        Answer answer = get("/v1/api/concerts/payment/" + id, Map.of("X-User-Id", "7"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void shouldRejectTheWrongMediaTypeAndMethod() {
        Answer xml = post("/v1/api/concerts/payment", "{\"reservationId\": 42}",
                Map.of("X-User-Id", "7", "X-Queue-Room", "1", "Content-Type", "text/plain"));
        Answer unknownPath = get("/v1/api/concerts/payments", Map.of("X-User-Id", "7"));

        assertThat(xml.status()).isEqualTo(415);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertNothingHappened();
    }
}
