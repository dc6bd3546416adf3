package com.ticketing.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chaos run of issue 14, on the real stack, loopback only, bounded in count and time.
 *
 * <p>{@value #DEFAULT_PURCHASES} buyers (demo users, logged in, admitted), each holding a distinct seat and charged its
 * price, pay {@value #DEFAULT_PARALLEL} at a time through the gateway, and keep paying (same Idempotency-Key) while
 * the answer says nothing was settled, within a bound. Meanwhile every ~2 s user-service or reservation-service
 * turns slow on {@code /internal/} (1–6 s for 1–5 s, at random), and payment-service is killed with SIGKILL and
 * started again, twice. Afterwards, with the faults gone: every payment is terminal and no reservation PAYING within
 * {@value #CONVERGE_SECONDS} s, {@code reconcile-check.sh --wait 180} is clean, and for every buyer the money went
 * exactly with the seat: CONFIRMED and charged once, or not confirmed and charged nothing.
 *
 * <p>It prints its numbers (purchases, completed, failed, refunded, seconds to converge). About 4 minutes on the
 * 2-core machine, so it runs with the other system tests in CI; it sells up to {@value #DEFAULT_PURCHASES} of the
 * demo catalog's 1,200 bookable seats, which the test command leaves for the suite by starting the stack from fresh
 * data ({@code reset_stack_data} in deploy/local/lib.sh). {@code -Dchaos.purchases} and {@code -Dchaos.parallel}
 * change its size. It leaves payment-service with its breakers closed, as the other tests expect it.
 */
class ChaosSystemTest {

    static final int DEFAULT_PURCHASES = 500;
    static final int DEFAULT_PARALLEL = 50;
    static final int CONVERGE_SECONDS = 180;
    private static final int PURCHASES = Integer.getInteger("chaos.purchases", DEFAULT_PURCHASES);
    private static final int PARALLEL = Integer.getInteger("chaos.parallel", DEFAULT_PARALLEL);
    private static final int SETUP_PARALLEL = 16;
    private static final int KILLS = 2;
    /**
     * How long a buyer keeps trying to pay under the chaos, from the start of the payments: past payment-service's
     * second restart plus its stale bound (60 s), and short enough that the holds (5 min) are still there afterwards.
     */
    private static final long PAY_PHASE_MS = 150_000;
    private static final int MAX_ATTEMPTS = 80;
    private static final List<String> UNSETTLED_PAYMENT = List.of("PENDING", "DEBIT_UNKNOWN", "REFUNDING");

    record Seat(long scheduleId, long seatId) {
    }

    /** How one buyer's purchase went: attempts, the last answer, the payment ids the answers named. */
    record Purchase(Purchases.Buyer buyer, int attempts, String last, Set<Long> paymentIds) {
    }

    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    private final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile long chaosStart;
    private volatile long lastRestartAt;

    @Test
    void shouldSettleEveryPaymentAndReconcileAfterFiveHundredPurchasesUnderLatencyAndKills() throws Exception {
        long t0 = System.currentTimeMillis();
        Map<String, Long> paymentsBefore = paymentCounts();

        // 1. Buyers: distinct demo users, each admitted and holding a distinct seat, charged its price.
        ConcurrentLinkedQueue<Seat> seats = availableSeats();
        assertThat(seats.size()).as("bookable seats left in the demo catalog (SOLD is final: reset the data, "
                + "see bench/chaos.sh)").isGreaterThanOrEqualTo(PURCHASES);
        List<Purchases.Buyer> buyers = setUpBuyers(seats);
        long setupMs = System.currentTimeMillis() - t0;
        System.out.printf("chaos: %d buyers admitted, each holding a distinct seat, in %d s%n", buyers.size(),
                setupMs / 1000);

        // 2. Chaos: payments 50 at a time, latency at random, payment-service killed twice.
        AtomicBoolean running = new AtomicBoolean(true);
        chaosStart = System.currentTimeMillis();
        Thread injector = new Thread(() -> injectLatency(running), "chaos-latency");
        Thread killer = new Thread(() -> killPaymentService(running), "chaos-kill");
        List<Purchase> purchases;
        try {
            injector.start();
            killer.start();
            purchases = payAll(buyers);
        } finally {
            running.set(false);
            injector.join(30_000);
            killer.join(300_000);
            Fences.clearFault(Fences.USER_SERVICE);
            Fences.clearFault(Fences.RESERVATION_SERVICE);
            Stack.start("payment-service"); // a no-op unless a restart is missing
        }
        long chaosMs = System.currentTimeMillis() - chaosStart;
        assertThat(events.stream().filter(e -> e.startsWith("killed"))).as(events.toString()).hasSize(KILLS);

        // 3. Convergence: no payment unsettled and no reservation PAYING, within the bound.
        long settleFrom = System.currentTimeMillis();
        Gateway.await("every payment terminal and no reservation PAYING", Duration.ofSeconds(CONVERGE_SECONDS),
                () -> unsettled() == 0);
        long convergeMs = System.currentTimeMillis() - settleFrom;
        long sinceRestartMs = System.currentTimeMillis() - lastRestartAt;
        Fences.CheckRun check = Fences.assertReconciled(180);

        // 4. Nothing is left stuck: every buyer whose reservation is still HELD pays it now, with no fault.
        int paidAfter = payTheHeld(purchases);
        Fences.CheckRun after = Fences.assertReconciled(60);

        // 5. Each buyer: the money went with the seat.
        int confirmed = 0;
        Map<String, Integer> reservationStates = new TreeMap<>();
        for (Purchase p : purchases) {
            Purchases.Buyer b = p.buyer();
            String state = Fences.reservation(b.hold().reservationId()).path("status").asText();
            reservationStates.merge(state, 1, Integer::sum);
            assertThat(state).as("reservation of user " + b.userId()).isIn(Fences.SETTLED_RESERVATION);
            long balance = Purchases.balance(Gateway.login(b.userId()));
            if (state.equals("CONFIRMED")) {
                confirmed++;
                assertThat(balance).as("user %d paid once for a confirmed seat (%s)", b.userId(), p)
                        .isEqualTo(b.balance() - b.hold().price());
            } else {
                assertThat(balance).as("user %d has no seat and paid nothing (%s)", b.userId(), p)
                        .isEqualTo(b.balance());
            }
            Fences.assertNoMoneyTakenWithoutTicket(b.userId(), b.hold().reservationId());
        }
        Map<String, Long> created = delta(paymentsBefore, paymentCounts());
        leaveBreakersClosed();

        Map<String, Integer> answerCounts = new TreeMap<>();
        answers.forEach((k, v) -> answerCounts.put(k, v.get()));
        System.out.printf("chaos: purchases %d (pay requests %d, %d in parallel), completed %d, failed %d, refunded %d; "
                        + "payments created %s; reservations %s; of the completed, %d paid under the chaos and %d "
                        + "after it (their reservations still HELD, paid once the chaos was over)%n", purchases.size(),
                answered.get(), PARALLEL, confirmed, created.getOrDefault("FAILED", 0L),
                created.getOrDefault("REFUNDED", 0L), created, reservationStates, confirmed - paidAfter, paidAfter);
        System.out.printf("chaos: answers %s%n", answerCounts);
        System.out.printf("chaos: %d latency faults injected, %s%n", faults.get(), events);
        System.out.printf("chaos: set-up %d s, payments under chaos %d s, seconds to converge %.1f after the last "
                        + "payment answer (%.1f after payment-service's last restart), reconcile-check %s; whole run "
                        + "%d s%n", setupMs / 1000, chaosMs / 1000, convergeMs / 1000.0, sinceRestartMs / 1000.0,
                LateDebitSystemTest.lastLine(check), (System.currentTimeMillis() - t0) / 1000);
        System.out.printf("chaos: reconcile-check after the payments that followed: %s%n",
                LateDebitSystemTest.lastLine(after));
        assertThat(confirmed).as("completed purchases").isEqualTo((int) (long) created.getOrDefault("COMPLETED", 0L));
    }

    // ------------------------------------------------------------------ buyers

    /** The AVAILABLE seats of the open schedules, schedule by schedule (each read from its schedule's room). */
    private static ConcurrentLinkedQueue<Seat> availableSeats() {
        Gateway.Session viewer = Gateway.admitted(Gateway.randomUser());
        ConcurrentLinkedQueue<Seat> seats = new ConcurrentLinkedQueue<>();
        for (JsonNode schedule : Gateway.get("/v1/api/concerts/schedule", Gateway.auth(viewer)).data()) {
            if (schedule.path("availableSeats").asInt() == 0) {
                continue;
            }
            long scheduleId = schedule.path("scheduleId").asLong();
            Gateway.Session reader = Gateway.inRoom(viewer, scheduleId);
            for (JsonNode seat : Gateway.get("/v1/api/concerts/seat?scheduleId=" + scheduleId, Gateway.auth(reader)).data()) {
                if ("AVAILABLE".equals(seat.path("status").asText())) {
                    seats.add(new Seat(scheduleId, seat.path("seatId").asLong()));
                }
            }
        }
        return seats;
    }

    private static List<Purchases.Buyer> setUpBuyers(ConcurrentLinkedQueue<Seat> seats) throws Exception {
        Set<Long> users = new HashSet<>();
        while (users.size() < PURCHASES) {
            users.add(Gateway.randomUser());
        }
        ExecutorService pool = Executors.newFixedThreadPool(SETUP_PARALLEL);
        try {
            // Logging in and being admitted takes most of the time: all first, so that the holds are fresh. Buyer i
            // waits in the room of the i-th seat (admission to a room admits to that schedule only).
            List<Future<Gateway.Session>> sessions = new ArrayList<>();
            List<Seat> planned = new ArrayList<>(seats);
            int i = 0;
            for (long userId : users) {
                long room = planned.get(i++ % planned.size()).scheduleId();
                sessions.add(pool.submit(() -> admittedWithRetry(userId, room)));
            }
            List<Future<Purchases.Buyer>> futures = new ArrayList<>();
            for (Future<Gateway.Session> session : sessions) {
                Gateway.Session admitted = session.get(300, TimeUnit.SECONDS);
                futures.add(pool.submit(() -> buyer(admitted, seats)));
            }
            List<Purchases.Buyer> buyers = new ArrayList<>();
            for (Future<Purchases.Buyer> f : futures) {
                buyers.add(f.get(300, TimeUnit.SECONDS));
            }
            return buyers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Logged in and admitted; a login that fails on the way (the login page answered 500 once, its Redis timing out on
     * the busy machine) is tried again: the set-up is not what this test is about.
     */
    private static Gateway.Session admittedWithRetry(long userId, long roomId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Gateway.admitted(userId, roomId);
            } catch (AssertionError | IllegalStateException e) {
                if (attempt == 3) {
                    throw e;
                }
                Gateway.sleep(2_000);
            }
        }
    }

    /**
     * An admitted user holding one seat of the queue (taking the next when one is gone), charged its price; a seat of
     * another schedule than the user's room is held after joining that schedule's room.
     */
    private static Purchases.Buyer buyer(Gateway.Session admitted, ConcurrentLinkedQueue<Seat> seats) {
        long userId = admitted.userId();
        for (int attempt = 0; attempt < 20; attempt++) {
            Seat seat = seats.poll();
            if (seat == null) {
                break;
            }
            Gateway.Session session = Gateway.inRoom(admitted, seat.scheduleId());
            String body = "{\"scheduleId\":" + seat.scheduleId() + ",\"seatId\":" + seat.seatId() + "}";
            Gateway.Response held = Gateway.post("/v1/api/concerts/reserve", body, Gateway.auth(session));
            // A cold stack may answer the first holds late (503 from the gateway's 5 s): asking again for a seat one
            // holds answers that same hold.
            for (int retry = 0; retry < 5 && held.status() == 503; retry++) {
                Gateway.sleep(1_000);
                held = Gateway.post("/v1/api/concerts/reserve", body, Gateway.auth(session));
            }
            if (held.status() == 409 && "SEAT_UNAVAILABLE".equals(held.errorCode())) {
                continue;
            }
            assertThat(held.status()).as("user " + userId + " holds seat " + seat + ": " + held.raw()).isEqualTo(200);
            JsonNode d = held.data();
            Purchases.Hold hold = new Purchases.Hold(d.path("reservationId").asLong(), seat.scheduleId(),
                    seat.seatId(), d.path("price").asLong());
            Gateway.Response charged = Purchases.charge(session, hold.price());
            assertThat(charged.status()).as("charge: " + charged.raw()).isEqualTo(200);
            return new Purchases.Buyer(userId, session, hold, charged.data().path("balance").asLong());
        }
        throw new AssertionError("no seat left for user " + userId);
    }

    // ------------------------------------------------------------------ payments

    private List<Purchase> payAll(List<Purchases.Buyer> buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.currentTimeMillis() + PAY_PHASE_MS;
        try {
            List<Future<Purchase>> futures = new ArrayList<>();
            for (Purchases.Buyer b : buyers) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return purchase(b, deadline);
                }));
            }
            go.countDown();
            List<Purchase> purchases = new ArrayList<>();
            for (Future<Purchase> f : futures) {
                purchases.add(f.get(PAY_PHASE_MS + 60_000, TimeUnit.MILLISECONDS));
            }
            return purchases;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Pays until an answer settles the purchase (paid, or the reservation can no longer be paid), at most
     * {@value #MAX_ATTEMPTS} times and until the deadline; the same Idempotency-Key throughout, as a client
     * retrying one purchase does.
     */
    private Purchase purchase(Purchases.Buyer b, long deadline) {
        String key = "chaos-" + b.userId() + "-" + b.hold().reservationId();
        Map<String, String> headers = withKey(b.token(), key);
        Set<Long> paymentIds = new HashSet<>();
        String last = "";
        int attempt = 0;
        while (attempt < MAX_ATTEMPTS && System.currentTimeMillis() < deadline) {
            attempt++;
            Gateway.Response r;
            try {
                r = Gateway.post("/v1/api/concerts/payment", "{\"reservationId\":" + b.hold().reservationId() + "}",
                        headers);
            } catch (IllegalStateException noAnswer) {
                last = "no answer";
                count(last);
                Gateway.sleep(1_000);
                continue;
            }
            String code = r.status() == 200 ? "COMPLETED" : r.errorCode();
            last = r.status() + " " + code;
            count(last);
            long named = r.status() == 200 ? r.data().path("paymentId").asLong()
                    : r.body().path("error").path("payment").path("paymentId").asLong();
            if (named > 0) {
                paymentIds.add(named);
            }
            assertThat(r.status()).as("never a 500: " + r.raw()).isNotEqualTo(500);
            if (r.status() == 200 || "ALREADY_PAID".equals(code) || "RESERVATION_NOT_PAYABLE".equals(code)
                    || "RESERVATION_NOT_FOUND".equals(code)) {
                break; // paid, or nothing more to pay
            }
            if ("QUEUE_NOT_ADMITTED".equals(code)) {
                // The slot ended: a completed payment frees it (the same key then answers that payment again), or
                // it ran out. A client joins the waiting room again and retries.
                headers = withKey(Gateway.admitted(b.userId(), b.hold().scheduleId()), key);
                continue;
            }
            // 503 (outcome unknown, a service down or slow), 409 in progress / failed: try again shortly.
            Gateway.sleep(ThreadLocalRandom.current().nextLong(1_000, 3_000));
        }
        return new Purchase(b, attempt, last, paymentIds);
    }

    /**
     * Once the chaos is over and everything settled: the buyers whose reservation is still HELD pay it, 10 at a time;
     * each must be paid (a 503 of a half-open breaker is retried). Returns how many.
     */
    private static int payTheHeld(List<Purchase> purchases) throws Exception {
        List<Purchases.Buyer> held = new ArrayList<>();
        for (Purchase p : purchases) {
            if ("HELD".equals(Fences.reservation(p.buyer().hold().reservationId()).path("status").asText())) {
                held.add(p.buyer());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Gateway.Response>> answers = new ArrayList<>();
            for (Purchases.Buyer b : held) {
                // Admitted again: a random demo user of an earlier run may still have held its slot, which ends on time.
                answers.add(pool.submit(() -> Purchases.pay(Gateway.admitted(b.userId(), b.hold().scheduleId()),
                        b.hold().reservationId())));
            }
            for (int i = 0; i < held.size(); i++) {
                Gateway.Response r = answers.get(i).get(60, TimeUnit.SECONDS);
                Purchases.Buyer b = held.get(i);
                // A breaker that opened under the chaos lets a few calls through at first (half-open): 503, retry.
                for (int retry = 0; retry < 10 && r.status() == 503; retry++) {
                    Gateway.sleep(1_000);
                    r = Purchases.pay(Gateway.admitted(b.userId(), b.hold().scheduleId()), b.hold().reservationId());
                }
                assertThat(r.status()).as("reservation %d, HELD after the chaos, is payable: %s",
                        b.hold().reservationId(), r.raw()).isEqualTo(200);
            }
            return held.size();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, String> withKey(Gateway.Session session, String idempotencyKey) {
        Map<String, String> headers = new java.util.HashMap<>(Gateway.auth(session));
        headers.put("Idempotency-Key", idempotencyKey);
        return headers;
    }

    private void count(String answer) {
        answered.incrementAndGet();
        answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
    }

    // ------------------------------------------------------------------ chaos

    /** Every ~2 s: user-service or reservation-service slow on /internal/ by 1–6 s, for 1–5 s. */
    private void injectLatency(AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long until = System.currentTimeMillis() + PAY_PHASE_MS + 60_000;
        while (running.get() && System.currentTimeMillis() < until) {
            String service = random.nextBoolean() ? Fences.USER_SERVICE : Fences.RESERVATION_SERVICE;
            try {
                Fences.slowDown(service, random.nextLong(1_000, 6_001), "/internal/", random.nextLong(1, 6));
                faults.incrementAndGet();
            } catch (RuntimeException | AssertionError e) {
                events.add("fault injection failed: " + e.getMessage());
            }
            Gateway.sleep(random.nextLong(1_500, 2_500));
        }
    }

    /**
     * SIGKILL payment-service once a fifth of the first attempts were answered (or after 10 s), start it again, and
     * once more 15 s after it is back.
     */
    private void killPaymentService(AtomicBoolean running) {
        try {
            long firstAfter = System.currentTimeMillis() + 10_000;
            while (running.get() && answered.get() < PURCHASES / 5 && System.currentTimeMillis() < firstAfter) {
                Gateway.sleep(200);
            }
            for (int kill = 1; kill <= KILLS && running.get(); kill++) {
                long pid = Long.parseLong(Files.readString(Fences.ROOT.resolve(".run/pids/payment-service.pid")).trim());
                Fences.CheckRun killed = Fences.run(Duration.ofSeconds(10), "kill", "-9", Long.toString(pid));
                long at = System.currentTimeMillis();
                events.add(String.format("killed payment-service (pid %d, kill -9 exit %d) at +%.1f s with %d answers",
                        pid, killed.exitCode(), (at - chaosStart) / 1000.0, answered.get()));
                Gateway.sleep(2_000);
                Stack.start("payment-service");
                lastRestartAt = System.currentTimeMillis();
                events.add(String.format("payment-service back after %.1f s (at +%.1f s)",
                        (System.currentTimeMillis() - at) / 1000.0, (System.currentTimeMillis() - chaosStart) / 1000.0));
                long next = System.currentTimeMillis() + 15_000;
                while (running.get() && System.currentTimeMillis() < next) {
                    Gateway.sleep(200);
                }
            }
        } catch (Exception | AssertionError e) {
            events.add("kill/restart failed: " + e);
        }
    }

    // ------------------------------------------------------------------ settling

    /**
     * payment-service's breakers for user-service and reservation-service CLOSED again, as the other system tests
     * expect them: a breaker left half-open by the chaos closes only after calls, so without them payment-service is
     * restarted.
     */
    private static void leaveBreakersClosed() {
        try {
            Gateway.await("payment-service's breakers CLOSED", Duration.ofSeconds(20), () -> breakersClosed());
        } catch (AssertionError halfOpen) {
            Stack.restart("payment-service", Map.of());
            assertThat(breakersClosed()).as("payment-service's breakers after a restart").isTrue();
        }
    }

    private static boolean breakersClosed() {
        Gateway.Response r = Fences.internal(Fences.PAYMENT_SERVICE + "/actuator/circuitbreakers");
        return r.status() == 200
                && "CLOSED".equals(r.body().path("circuitBreakers").path("user-service").path("state").asText())
                && "CLOSED".equals(r.body().path("circuitBreakers").path("reservation-service").path("state").asText());
    }

    /** Payments PENDING, DEBIT_UNKNOWN or REFUNDING, plus reservations PAYING. */
    private static long unsettled() {
        Gateway.Response payments = Fences.internal(Fences.PAYMENT_SERVICE + "/internal/reconciliation");
        Gateway.Response reservations = Fences.internal(Fences.RESERVATION_SERVICE + "/internal/reconciliation");
        if (payments.status() != 200 || reservations.status() != 200) {
            return Long.MAX_VALUE;
        }
        long n = 0;
        for (String s : UNSETTLED_PAYMENT) {
            n += payments.data().path("payments").path(s).asLong();
        }
        return n + reservations.data().path("reservations").path("PAYING").asLong();
    }

    private static Map<String, Long> paymentCounts() {
        Gateway.Response r = Fences.internal(Fences.PAYMENT_SERVICE + "/internal/reconciliation");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        Map<String, Long> counts = new TreeMap<>();
        r.data().path("payments").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> {
            long n = v - before.getOrDefault(k, 0L);
            if (n != 0) {
                d.put(k, n);
            }
        });
        return d;
    }
}
