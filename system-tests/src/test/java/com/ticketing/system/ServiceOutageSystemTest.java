package com.ticketing.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.ticketing.system.Gateway.auth;
import static com.ticketing.system.Gateway.get;
import static com.ticketing.system.Gateway.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Stopping one service fails only its routes, fast, with the JSON fallback; the rest keep working. */
class ServiceOutageSystemTest {

    @Test
    void shouldFailOnlyTheRoutesOfAStoppedServiceAndRecoverWhenItReturns() {
        long userId = Gateway.randomUser();
        Gateway.Session token = Gateway.admitted(userId);
        assertThat(get("/v1/api/concerts/schedule", auth(token)).status()).isEqualTo(200);

        int logFrom = Stack.logLines("gateway", 0).size();
        double rejectedBefore = Stack.breakerMetric(Gateway.MANAGEMENT_URL, "not.permitted.calls", "concert-service");
        Stack.stop("concert-service");
        long stoppedAt = System.currentTimeMillis();
        int requests = 0;
        try {
            Gateway.await("schedule route answers 503", Duration.ofSeconds(30),
                    () -> get("/v1/api/concerts/schedule", auth(token)).status() == 503);

            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Gateway.Response down = get("/v1/api/concerts/schedule", auth(token));
                requests++;
                assertThat(down.status()).as(down.raw()).isEqualTo(503);
                assertThat(down.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(down.http().headers().firstValue("Retry-After")).isPresent();
                latencies.add(down.millis());

                // the other services' routes are unaffected
                assertThat(get("/v1/api/user/amount", Gateway.bearer(token)).status()).isEqualTo(200);
                assertThat(post("/v1/api/queue/token/check", null, auth(token)).status()).isEqualTo(200);
            }
            Gateway.await("concert-service breaker OPEN", Duration.ofSeconds(30), () -> {
                get("/v1/api/concerts/schedule", auth(token));
                return "OPEN".equals(breakerState("concert-service"));
            });
            // exported as metrics: the state, and the calls it refused without trying
            assertThat(Stack.breakerMetric(Gateway.MANAGEMENT_URL, "state", "concert-service", "state:open")).isEqualTo(1.0);
            List<Long> open = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Gateway.Response down = get("/v1/api/concerts/schedule", auth(token));
                requests++;
                assertThat(down.status()).isEqualTo(503);
                open.add(down.millis());
            }
            assertThat(Stack.breakerMetric(Gateway.MANAGEMENT_URL, "not.permitted.calls", "concert-service"))
                    .isGreaterThanOrEqualTo(rejectedBefore + 20);
            open.sort(Long::compare);
            System.out.printf("concert-service down, breaker open: 503 in p50=%d ms max=%d ms%n",
                    open.get(open.size() / 2), open.get(open.size() - 1));
            assertThat(open.get(open.size() / 2)).as("an open breaker answers at once").isLessThan(50L);
            System.out.printf("concert-service down: breaker open %d ms after the stop%n", System.currentTimeMillis() - stoppedAt);
            assertThat(breakerState("user-service")).isNotEqualTo("OPEN");
            latencies.sort(Long::compare);
            System.out.printf("concert-service down: fallback latency p50=%d ms max=%d ms%n",
                    latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
            assertThat(latencies.get(latencies.size() / 2)).as("fails fast").isLessThan(1000L);
        } finally {
            Stack.start("concert-service");
        }
        long restartedAt = System.currentTimeMillis();
        Gateway.await("schedule route recovers", Duration.ofSeconds(60),
                () -> get("/v1/api/concerts/schedule", auth(token)).status() == 200);
        Gateway.await("concert-service breaker CLOSED", Duration.ofSeconds(60), () -> {
            get("/v1/api/concerts/schedule", auth(token));
            return "CLOSED".equals(breakerState("concert-service"));
        });
        System.out.printf("concert-service back: route and breaker recovered %d ms after it was ready%n",
                System.currentTimeMillis() - restartedAt);

        // Transitions are logged once each, never per call.
        List<String> transitions = Stack.logLines("gateway", logFrom).stream()
                .filter(line -> line.contains("Circuit breaker 'concert-service'")).toList();
        System.out.printf("concert-service breaker: %d transition log lines for %d failed requests%n",
                transitions.size(), requests);
        assertThat(transitions.stream().filter(line -> line.contains("CLOSED -> OPEN"))).hasSize(1);
        assertThat(transitions.get(transitions.size() - 1)).contains("HALF_OPEN -> CLOSED");
        assertThat(transitions.size()).isLessThan(requests / 2);
    }

    private static String breakerState(String name) {
        return Gateway.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Gateway.MANAGEMENT_URL
                + "/actuator/circuitbreakers")).GET(), java.util.Map.of()).body().path("circuitBreakers").path(name).path("state").asText();
    }
}
