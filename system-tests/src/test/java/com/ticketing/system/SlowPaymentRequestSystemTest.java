package com.ticketing.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, race 4 on the real stack: a payment request still running when the reconciler takes its payment for
 * abandoned and settles it.
 *
 * <p>payment-service is restarted with {@code PAYMENT_STALE_PENDING_AFTER=2s}, and user-service answers every
 * internal call 2.5 s late (within the 3 s read timeout). Each payment's debit then runs longer than the stale
 * bound: the reconciler looks at the payment while its request still waits for the debit, and both settle it.
 * Whatever the order, the request answers 200 with the receipt, or 409/503 with the payment as it stands under
 * {@code error.payment}; never a 500. Once the fault is gone every payment is terminal. The normal setting is
 * restored (payment-service restarted without it) whatever happens.
 */
class SlowPaymentRequestSystemTest {

    private static final int PAYMENTS = 15;
    private static final int IN_PARALLEL = 5;
    private static final List<String> TERMINAL = List.of("COMPLETED", "FAILED", "REFUNDED");

    record Paid(Purchases.Buyer buyer, Gateway.Response response) {
    }

    @Test
    void shouldAnswerASlowPaymentWithItsStateWhenTheReconcilerSettledItMeanwhile() throws Exception {
        List<Purchases.Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            buyers.add(Purchases.buyer());
        }
        List<Paid> paid = new ArrayList<>();
        double settledByReconciler;
        try {
            Stack.restart("payment-service", Map.of("PAYMENT_STALE_PENDING_AFTER", "2s"));
            double reconciledBefore = reconciliations();
            Fences.slowDown(Fences.USER_SERVICE, 2_500, "/internal/users/", 30);
            try {
                for (int from = 0; from < buyers.size(); from += IN_PARALLEL) {
                    paid.addAll(payTogether(buyers.subList(from, Math.min(buyers.size(), from + IN_PARALLEL))));
                }
            } finally {
                Fences.clearFault(Fences.USER_SERVICE);
            }
            settledByReconciler = reconciliations() - reconciledBefore;

            for (Paid p : paid) {
                Gateway.Response r = p.response();
                System.out.printf("  reservation %d: %d in %d ms %s%n", p.buyer().hold().reservationId(), r.status(),
                        r.millis(), r.status() == 200 ? r.data() : r.body().path("error"));
            }
            Stack.logLines("payment-service", 0).stream()
                    .filter(line -> line.contains("settled by the reconciler") || line.contains("Reconciled"))
                    .forEach(line -> System.out.println("  payment-service: " + line));
            Map<String, Integer> answers = new TreeMap<>();
            for (Paid p : paid) {
                Gateway.Response r = p.response();
                answers.merge(r.status() + " " + (r.status() == 200 ? "COMPLETED" : r.errorCode()), 1, Integer::sum);
                assertThat(r.status()).as("never a 500: " + r.raw()).isIn(200, 409, 503);
                if (r.status() != 200) {
                    assertThat(r.body().path("error").path("payment").path("status").asText())
                            .as("a 409/503 carries the payment's state: " + r.raw()).isNotEmpty();
                }
            }

            // Every payment is terminal once user-service is fast again; nobody paid without a ticket.
            long clearedAt = System.currentTimeMillis();
            for (Paid p : paid) {
                long reservationId = p.buyer().hold().reservationId();
                for (long paymentId : Fences.paymentIdsOf(reservationId)) {
                    Gateway.await("payment " + paymentId + " terminal", Duration.ofSeconds(60),
                            () -> TERMINAL.contains(Fences.payment(paymentId).path("status").asText()));
                }
                List<Long> ids = Fences.paymentIdsOf(reservationId);
                JsonNode last = Fences.payment(ids.get(ids.size() - 1));
                long expected = "COMPLETED".equals(last.path("status").asText())
                        ? p.buyer().balance() - p.buyer().hold().price() : p.buyer().balance();
                assertThat(Purchases.balance(p.buyer().token())).as("user " + p.buyer().userId() + ", " + last)
                        .isEqualTo(expected);
                if ("COMPLETED".equals(last.path("status").asText())) {
                    Gateway.await("reservation " + reservationId + " CONFIRMED", Duration.ofSeconds(60),
                            () -> "CONFIRMED".equals(Fences.reservation(reservationId).path("status").asText()));
                }
                Fences.assertNoMoneyTakenWithoutTicket(p.buyer().userId(), reservationId);
            }
            System.out.printf("slow requests (stale after 2 s, debits 2.5 s late): %d payments answered %s; the "
                            + "reconciler settled %.0f of them while their requests ran; all terminal %d ms after "
                            + "the fault%n", paid.size(), answers, settledByReconciler,
                    System.currentTimeMillis() - clearedAt);
        } finally {
            Fences.clearFault(Fences.USER_SERVICE);
            Stack.restart("payment-service", Map.of());
        }
        Fences.CheckRun check = Fences.assertReconciled(60);
        System.out.println("slow requests: reconcile-check " + LateDebitSystemTest.lastLine(check));
    }

    /** The buyers pay at once: one thread each, released together by a latch. */
    private static List<Paid> payTogether(List<Purchases.Buyer> buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Paid>> futures = new ArrayList<>();
            for (Purchases.Buyer b : buyers) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return new Paid(b, Purchases.pay(b.token(), b.hold().reservationId()));
                }));
            }
            go.countDown();
            List<Paid> paid = new ArrayList<>();
            for (Future<Paid> f : futures) {
                paid.add(f.get(30, TimeUnit.SECONDS));
            }
            return paid;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Payments the reconciler settled (completed or failed) in this payment-service process. */
    private static double reconciliations() {
        return Fences.counter(Fences.PAYMENT_SERVICE, "payment.reconciliations", "result:completed")
                + Fences.counter(Fences.PAYMENT_SERVICE, "payment.reconciliations", "result:failed");
    }
}
