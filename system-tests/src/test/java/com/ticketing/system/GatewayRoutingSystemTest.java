package com.ticketing.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static com.ticketing.system.Gateway.auth;
import static com.ticketing.system.Gateway.get;
import static com.ticketing.system.Gateway.post;
import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutingSystemTest {

    @Test
    void shouldRouteEachPublicRouteToItsService() {
        long userId = Gateway.randomUser();
        Gateway.Session login = Gateway.login(userId);

        Gateway.Response issued = post("/v1/api/queue/token", "{\"userId\":" + userId + ",\"roomId\":1}",
                Gateway.bearer(login));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
        assertThat(issued.data().path("queueToken").asText()).isNotBlank();

        Gateway.Response balance = get("/v1/api/user/amount", Gateway.bearer(login));
        assertThat(balance.status()).as(balance.raw()).isEqualTo(200);
        assertThat(balance.data().path("userId").asLong()).isEqualTo(userId);

        Gateway.Session token = Gateway.admitted(userId);
        Gateway.Response schedules = get("/v1/api/concerts/schedule", auth(token));
        assertThat(schedules.status()).as(schedules.raw()).isEqualTo(200);
        assertThat(schedules.data().isArray()).isTrue();
        assertThat(schedules.data().size()).isGreaterThan(0);

        long scheduleId = schedules.data().get(0).path("scheduleId").asLong();
        Gateway.Response seats = get("/v1/api/concerts/seat?scheduleId=" + scheduleId, auth(token));
        assertThat(seats.status()).as(seats.raw()).isEqualTo(200);
        assertThat(seats.data().size()).isEqualTo(50);

        // reservation-service and payment-service answer for their routes (a domain error, not a gateway one)
        Gateway.Response reserve = post("/v1/api/concerts/reserve", "{\"scheduleId\":" + scheduleId + ",\"seatId\":999999999}", auth(token));
        assertThat(reserve.status()).as(reserve.raw()).isIn(404, 409);
        assertThat(reserve.errorCode()).isNotIn("NOT_FOUND", "SERVICE_UNAVAILABLE", "");
        Gateway.Response reservation = get("/v1/api/concerts/reservations/999999999", auth(token));
        assertThat(reservation.status()).as(reservation.raw()).isEqualTo(404);
        assertThat(reservation.errorCode()).isEqualTo("RESERVATION_NOT_FOUND");
        Gateway.Response payment = post("/v1/api/concerts/payment", "{\"reservationId\":999999999}", auth(token));
        assertThat(payment.status()).as(payment.raw()).isEqualTo(404);
        assertThat(payment.errorCode()).isEqualTo("RESERVATION_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/internal/users/1/debits/1",
            "/internal/reservations/1",
            "/internal/schedules/1/seats/1",
            "/v1/api/internal/users/1/debits/1",
            "/v1/api/user/internal/users/1",
            "/actuator/env",
            "/v1/api/nope",
            "/nope"})
    void shouldAnswerNotFoundJsonForInternalAndUnknownPaths(String path) {
        // Logged in, so that /v1/api/** paths get past the login check (anonymously they get 401 first).
        Map<String, String> login = Gateway.bearer(Gateway.login(Gateway.randomUser()));
        Gateway.Response r = get(path, login);
        assertThat(r.status()).as(path + " -> " + r.raw()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(r.raw()).doesNotContain("Exception", "at com.", "at org.");

        Gateway.Response posted = post(path, "{}", login);
        assertThat(posted.status()).as("POST " + path + " -> " + posted.raw()).isIn(404, 405);
        if (path.startsWith("/v1/api/")) {
            assertThat(get(path).status()).as("anonymous " + path).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/api/user/../../internal/users/1/debits/1",
            "/v1/api/queue/%2e%2e/%2e%2e/internal/users/1",
            "/v1/api/user/..%2f..%2finternal/users/1",
            "/v1/api/concerts/schedule/../../../actuator/env"})
    void shouldRefusePathsThatCouldReachInternalEndpoints(String rawPath) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Gateway.URL + rawPath)).GET();
        Gateway.Response r = Gateway.send(b, Map.of());
        assertThat(r.status()).as(rawPath + " -> " + r.raw()).isIn(400, 404);
        assertThat(r.body().path("error").path("code").asText()).isNotBlank();
    }

    @Test
    void shouldRefuseProtectedRoutesWithoutAValidToken() {
        assertThat(get("/v1/api/concerts/schedule").status()).isEqualTo(401);
        assertThat(get("/v1/api/concerts/schedule", Map.of("Authorization", "Bearer not-a-token")).status()).isEqualTo(401);
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJ0aWNrZXRpbmctcXVldWUiLCJzdWIiOiIxIiwianRpIjoieCIsImV4cCI6NDEwMjQ0NDgwMH0."
                + "c2lnbmVkLXdpdGgtYW5vdGhlci1rZXktMDEyMzQ1Njc4OTAxMjM0NQ";
        Gateway.Session login = Gateway.login(Gateway.randomUser());
        Gateway.Response r = post("/v1/api/concerts/reserve", "{\"scheduleId\":1,\"seatId\":1}",
                Map.of("Authorization", "Bearer " + login.accessToken(), "X-Queue-Token", forged));
        assertThat(r.status()).as(r.raw()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void shouldIgnoreAClientSuppliedUserIdHeader() {
        Gateway.Response r = get("/v1/api/concerts/schedule", Map.of("X-User-Id", "1"));
        assertThat(r.status()).isEqualTo(401);
    }
}
