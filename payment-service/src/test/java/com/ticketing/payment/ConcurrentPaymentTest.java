package com.ticketing.payment;

import com.ticketing.payment.stub.ReservationServiceStub.Reservation;
import com.ticketing.payment.stub.ReservationServiceStub.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConcurrentPaymentTest extends PaymentServiceIntegrationTest {

    @Test
    void shouldDebitExactlyOnceWhenEightRequestsPayTheSameReservationAtOnce() throws Exception {
        USERS.setBalance(7, 100_000);
        RESERVATIONS.hold(42, 7, 12_000);
        int requests = 8;
        CountDownLatch ready = new CountDownLatch(requests);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return pay(7, 42);
            }));
        }
        ready.await();
        go.countDown();
        List<Answer> results = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            results.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results.stream().filter(a -> a.status() == 200)).hasSize(1);
        assertThat(results.stream().filter(a -> a.status() == 409)).hasSize(requests - 1)
                .allSatisfy(a -> assertThat(a.errorCode()).isIn("PAYMENT_IN_PROGRESS", "ALREADY_PAID"));
        assertThat(USERS.debitsApplied.get()).isEqualTo(1);
        assertThat(USERS.balance(7)).isEqualTo(88_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE status = 'COMPLETED'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Users pay random reservations (their own, someone else's, twice, beyond their balance) from several threads
     * while user-service randomly fails a fifth of the debits, half of them after taking the money. Once every
     * payment is settled, money is exactly where the payments say: balances + completed amounts = the initial
     * total, the standing debits are exactly the completed payments, and no reservation is paid twice.
     */
    @Test
    void shouldConserveMoneyOverARandomConcurrentRun() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int users = 6;
        int reservations = 24;
        long initialTotal = 0;
        for (long user = 1; user <= users; user++) {
            long balance = 10_000L * random.nextInt(6);
            USERS.setBalance(user, balance);
            initialTotal += balance;
        }
        Map<Long, Long> owner = new HashMap<>();
        for (long r = 1; r <= reservations; r++) {
            long user = 1 + random.nextInt(users);
            owner.put(r, user);
            RESERVATIONS.hold(r, user, 1_000L * (1 + random.nextInt(20)));
        }
        USERS.faultRate = 0.2;

        int threads = 6;
        int perThread = 10;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long threadSeed = random.nextLong();
            done.add(pool.submit(() -> {
                Random mine = new Random(threadSeed);
                go.await();
                for (int i = 0; i < perThread; i++) {
                    long reservation = 1 + mine.nextInt(reservations);
                    long user = mine.nextInt(10) == 0 ? 1 + mine.nextInt(users) : owner.get(reservation);
                    Answer answer = pay(user, reservation);
                    assertThat(answer.status()).as("seed %d: %s", seed, answer.body()).isIn(200, 404, 409, 503);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        USERS.faultRate = 0;

        // every payment settles: nothing pending, no unknown debit, no lock left behind
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                jdbc.sql("SELECT COUNT(*) FROM payment WHERE reconcile_after IS NOT NULL").query(Long.class).single())
                .as("seed %d: payments with work left", seed).isZero());

        List<Map<String, Object>> completed = jdbc.sql(
                "SELECT id, reservation_id, amount FROM payment WHERE status = 'COMPLETED'").query().listOfRows();
        long completedAmount = completed.stream().mapToLong(r -> ((Number) r.get("amount")).longValue()).sum();
        Set<Long> completedIds = completed.stream().map(r -> ((Number) r.get("id")).longValue()).collect(Collectors.toSet());

        assertThat(USERS.totalBalance() + completedAmount).as("seed %d", seed).isEqualTo(initialTotal);
        assertThat(USERS.standingDebits()).as("seed %d", seed).isEqualTo(completedIds);
        assertThat(completed.stream().map(r -> r.get("reservation_id")).distinct().count())
                .as("seed %d: a reservation paid twice", seed).isEqualTo(completed.size());
        for (Reservation r : RESERVATIONS.all().values()) {
            if (r.state() == State.PAYING) {
                assertThat(completedIds).as("seed %d: reservation %d left locked", seed, r.id()).contains(r.lockedBy());
            }
        }
        assertThat(completedIds).as("seed %d", seed).isNotEmpty();
    }
}
