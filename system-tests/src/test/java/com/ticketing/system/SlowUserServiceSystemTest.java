package com.ticketing.system;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service turns slow (every internal call, i.e. the debits payment-service makes, waits 4 s, more than
 * payment-service's 3 s read timeout): payments answer 503 within that timeout, never later; once payment-service's
 * breaker for user-service opens they fail at once without calling it; nobody is debited twice, a payment whose
 * debit went through is completed by the reconciler, and a reservation whose payment failed fast stays payable
 * and is paid once user-service is fast again.
 *
 * <p>The latency comes from user-service's fault injection ({@code PUT /internal/faults/latency}, present in the
 * native dev stack only), and expires by itself should this test die half-way.
 */
class SlowUserServiceSystemTest {

    private static final String USER_SERVICE = System.getProperty("user-service.url", "http://127.0.0.1:8082");
    private static final String PAYMENT_SERVICE = System.getProperty("payment-service.url", "http://127.0.0.1:8085");
    private static final long DELAY_MS = 4_000;
    /** Enough slow calls to reach the breaker's minimum (10 of a 20-call window, 50 % failing). */
    private static final int SLOW_PAYMENTS = 12;
    private static final int FAST_FAIL_PAYMENTS = 4;
    /** The gateway's response timeout on the payment route (gateway application.yml, payment-service's budget). */
    private static final long PAYMENT_ROUTE_TIMEOUT_MS = 10_000;

    record Paid(Purchases.Buyer buyer, Gateway.Response response) {
    }

    @Test
    void shouldFailPaymentsFastWhileUserServiceIsSlowAndNeverDebitTwice() throws Exception {
        List<Purchases.Buyer> slow = buyers(SLOW_PAYMENTS);
        List<Purchases.Buyer> fastFail = buyers(FAST_FAIL_PAYMENTS);
        assertThat(breakerState()).as("payment-service's user-service breaker before the fault").isEqualTo("CLOSED");

        int logFrom = Stack.logLines("payment-service", 0).size();
        long injectedAt = System.currentTimeMillis();
        // Phases 1 and 2 check softly: whatever they find, phases 3 and 4 run and bring the stack back (breakers
        // closed, payments answered), so that a failure here never spills into the tests after this one.
        SoftAssertions soft = new SoftAssertions();
        inject();
        List<Paid> slowPaid = List.of();
        List<Long> fastLatencies = new ArrayList<>();
        long openedAfter = -1;
        double callsBefore = 0;
        double callsAfter = -1;
        try {
            // 1. All at once, as at ticket open: each debit is sent, times out, and its outcome is unknown. The
            //    answer is payment-service's own, within its budget, never the gateway's timeout fallback.
            slowPaid = payAll(slow);
            for (Paid p : slowPaid) {
                soft.assertThat(p.response().status()).as(p.response().raw()).isEqualTo(503);
                soft.assertThat(p.response().body().path("error").path("code").asText())
                        .as("payment-service's answer, not the gateway's: " + p.response().raw())
                        .isEqualTo("PAYMENT_OUTCOME_UNKNOWN");
                soft.assertThat(p.response().millis()).as("bounded by payment-service's timeouts")
                        .isLessThan(PAYMENT_ROUTE_TIMEOUT_MS);
                soft.assertThat(p.response().raw()).doesNotContain("Exception");
            }
            try {
                Gateway.await("payment-service's user-service breaker OPEN", Duration.ofSeconds(30),
                        () -> "OPEN".equals(breakerState()));
                openedAfter = System.currentTimeMillis() - injectedAt;
            } catch (AssertionError e) {
                soft.fail(e.getMessage());
            }
            soft.assertThat(Stack.breakerMetric(PAYMENT_SERVICE, "state", "user-service", "state:open")).isEqualTo(1.0);

            // 2. With the breaker open, payments fail at once without calling user-service (payment-service asks
            //    the breaker's state before locking: no call goes through the breaker, whose call count stands
            //    still) and the reservation stays as it was.
            callsBefore = Stack.breakerMetric(PAYMENT_SERVICE, "calls", "user-service");
            for (Purchases.Buyer b : fastFail) {
                Gateway.Response r = Purchases.pay(b.token(), b.hold().reservationId());
                soft.assertThat(r.status()).as(r.raw()).isEqualTo(503);
                soft.assertThat(r.http().headers().firstValue("Retry-After")).isPresent();
                fastLatencies.add(r.millis());
                soft.assertThat(Purchases.reservationStatus(b.token(), b.hold().reservationId())).isEqualTo("HELD");
            }
            callsAfter = Stack.breakerMetric(PAYMENT_SERVICE, "calls", "user-service");
        } finally {
            clear();
        }
        long clearedAt = System.currentTimeMillis();
        fastLatencies.sort(Long::compare);
        System.out.printf("user-service slow (+%d ms): %d concurrent payments answered 503 in p50=%d ms max=%d ms; "
                        + "breaker open %d ms after the fault; then fast 503 p50=%d ms max=%d ms%n", DELAY_MS,
                slowPaid.size(), percentile(slowPaid.stream().map(p -> p.response().millis()).toList(), 50),
                percentile(slowPaid.stream().map(p -> p.response().millis()).toList(), 100), openedAfter,
                fastLatencies.get(fastLatencies.size() / 2), fastLatencies.get(fastLatencies.size() - 1));

        // 3. Fast again: the debits that did go through are completed by the reconciler, each exactly once
        //    (the buyers' own tokens lose admission once they have paid: the seat view is read by someone else).
        Gateway.Session viewer = Gateway.admitted(Gateway.randomUser());
        for (Purchases.Buyer b : slow) {
            Gateway.await("seat " + b.hold().seatId() + " SOLD once the reconciler completed its payment",
                    Duration.ofSeconds(60),
                    () -> "SOLD".equals(Purchases.seatStatus(viewer, b.hold().scheduleId(), b.hold().seatId())));
            assertThat(Purchases.balance(b.token())).as("user " + b.userId() + " debited exactly once")
                    .isEqualTo(b.balance() - b.hold().price());
        }
        long settledAfter = System.currentTimeMillis() - clearedAt;

        // 4. The reservations whose payment failed fast are still payable, and are paid once.
        for (Purchases.Buyer b : fastFail) {
            assertThat(Purchases.balance(b.token())).as("nothing taken by a failed payment")
                    .isEqualTo(b.balance());
            Gateway.await("reservation " + b.hold().reservationId() + " paid after recovery", Duration.ofSeconds(60),
                    () -> Purchases.pay(b.token(), b.hold().reservationId()).status() == 200);
            assertThat(Purchases.balance(b.token())).isEqualTo(b.balance() - b.hold().price());
        }
        Gateway.await("payment-service's user-service breaker CLOSED", Duration.ofSeconds(30),
                () -> "CLOSED".equals(breakerState()));
        List<String> transitions = Stack.logLines("payment-service", logFrom).stream()
                .filter(line -> line.contains("Circuit breaker 'user-service'")).toList();
        assertThat(transitions.stream().filter(line -> line.contains("CLOSED -> OPEN"))).hasSize(1);
        assertThat(transitions.size()).as(transitions.toString()).isLessThan(SLOW_PAYMENTS);
        soft.assertThat(callsAfter).as("calls to user-service while its breaker was open").isEqualTo(callsBefore);
        soft.assertThat(fastLatencies.get(fastLatencies.size() / 2)).as("fast failure p50, far below the 3 s read timeout")
                .isLessThan(1_000L);
        System.out.printf("user-service fast again: every unknown debit settled %d ms after, breaker CLOSED %d ms "
                + "after; requests lost: 0%n", settledAfter, System.currentTimeMillis() - clearedAt);
        soft.assertAll();
    }

    private static List<Purchases.Buyer> buyers(int n) {
        List<Purchases.Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            buyers.add(Purchases.buyer());
        }
        return buyers;
    }

    private static List<Paid> payAll(List<Purchases.Buyer> buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        try {
            List<Future<Paid>> futures = new ArrayList<>();
            for (Purchases.Buyer b : buyers) {
                futures.add(pool.submit(() -> new Paid(b, Purchases.pay(b.token(), b.hold().reservationId()))));
            }
            List<Paid> paid = new ArrayList<>();
            for (Future<Paid> f : futures) {
                paid.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return paid;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void inject() {
        Gateway.Response r = Gateway.send(HttpRequest.newBuilder(URI.create(USER_SERVICE + "/internal/faults/latency"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"delayMs\":" + DELAY_MS + ",\"pathPrefix\":\"/internal/\",\"seconds\":120}")), Map.of());
        assertThat(r.status()).as("fault injection in user-service (ticketing.faults.enabled): " + r.raw())
                .isEqualTo(200);
    }

    private static void clear() {
        Gateway.send(HttpRequest.newBuilder(URI.create(USER_SERVICE + "/internal/faults/latency")).DELETE(), Map.of());
    }

    private static String breakerState() {
        JsonNode breakers = Gateway.send(HttpRequest.newBuilder(URI.create(PAYMENT_SERVICE + "/actuator/circuitbreakers"))
                .GET(), Map.of()).body();
        return breakers.path("circuitBreakers").path("user-service").path("state").asText();
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
