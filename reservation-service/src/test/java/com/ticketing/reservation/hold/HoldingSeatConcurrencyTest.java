package com.ticketing.reservation.hold;

import com.ticketing.common.event.EventTypes;
import com.ticketing.reservation.expiry.HoldSweeper;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "A seat is held by at most one reservation, under any concurrency" (DESIGN §6), through the real endpoint,
 * the real schema and concurrent transactions. Workers start together behind a latch and pull attempts from a
 * shared queue; every answer is recorded as "status code".
 */
class HoldingSeatConcurrencyTest extends IntegrationTest {

    @Autowired
    HoldSweeper sweeper;

    @Test
    void shouldLetExactlyOneOfAThousandConcurrentHoldersHaveTheSeat() throws Exception {
        long seatId = CatalogStub.seatId(7, 7);
        List<long[]> attempts = new ArrayList<>();
        for (long user = 1; user <= 1_000; user++) {
            attempts.add(new long[]{user, 7, seatId});
        }

        Map<String, Integer> outcomes = runConcurrently(attempts, 100);

        assertThat(outcomes).containsOnly(Map.entry("200", 1), Map.entry("409 SEAT_UNAVAILABLE", 999));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE active_seat_id = ?", Integer.class, seatId))
                .isEqualTo(1);
        Long winner = jdbc.queryForObject("SELECT id FROM reservation", Long.class);
        assertThat(outboxCount(EventTypes.SEAT_HELD, winner)).isEqualTo(1);
    }

    @Test
    void shouldHoldExactlyOneThousandSeatsOutOfTenThousandRandomHolds() throws Exception {
        // Seats 1..1000 (schedules 1..20), each asked for by 10 different users, in random order.
        List<long[]> attempts = new ArrayList<>();
        long user = 100_000;
        for (int round = 0; round < 10; round++) {
            for (long seatId = 1; seatId <= 1_000; seatId++) {
                attempts.add(new long[]{++user, CatalogStub.scheduleOf(seatId), seatId});
            }
        }
        Collections.shuffle(attempts, new Random(42));

        Map<String, Integer> outcomes = runConcurrently(attempts, 32);

        assertThat(outcomes).containsOnly(Map.entry("200", 1_000), Map.entry("409 SEAT_UNAVAILABLE", 9_000));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isEqualTo(1_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT seat_id) FROM reservation WHERE status = 'HELD'", Integer.class))
                .isEqualTo(1_000);
        assertThat(jdbc.queryForList("SELECT seat_id FROM reservation GROUP BY seat_id HAVING COUNT(*) > 1")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE active_seat_id <> seat_id OR active_seat_id IS NULL",
                Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event e JOIN reservation r "
                + "ON CAST(e.aggregate_id AS UNSIGNED) = r.id WHERE e.event_type = 'SeatHeld'", Integer.class)).isEqualTo(1_000);
    }

    @Test
    void shouldNeverLetOneUserHoldMoreThanTheLimitEvenConcurrently() throws Exception {
        long userId = 555;
        List<long[]> attempts = new ArrayList<>();
        for (int seatNo = 1; seatNo <= 40; seatNo++) {
            attempts.add(new long[]{userId, 8, CatalogStub.seatId(8, seatNo)});
        }

        Map<String, Integer> outcomes = runConcurrently(attempts, 40);

        assertThat(outcomes).containsOnly(Map.entry("200", 4), Map.entry("409 HOLD_LIMIT_REACHED", 36));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE user_id = ?", Integer.class, userId))
                .isEqualTo(4);
    }

    @Test
    void shouldNotCountHoldsPastTheirTimeAgainstTheLimitEvenBeforeTheSweeperRuns() throws Exception {
        long userId = 556;
        for (int seatNo = 1; seatNo <= 4; seatNo++) {
            hold(userId, CatalogStub.seatId(9, seatNo));
        }
        assertThat(errorCode(reserve(userId, 9, CatalogStub.seatId(9, 5)))).isEqualTo("HOLD_LIMIT_REACHED");
        sweeper.stop();
        try {
            clock.advance(Duration.ofMinutes(5));

            assertThat(reserve(userId, 9, CatalogStub.seatId(9, 5)).getResponse().getStatus()).isEqualTo(200);
        } finally {
            sweeper.start();
        }
    }

    /** 503s retried at most, per run: a few under a busy machine, never a stand-in for the outcome. */
    private static final int MAX_RETRIES = 500;

    /**
     * Runs every attempt {user, scheduleId, seatId} on {@code threads} workers released together; counts the
     * outcomes. A 503 with Retry-After (no connection within the pool's wait) is tried again, as clients do.
     */
    private Map<String, Integer> runConcurrently(List<long[]> attempts, int threads) throws Exception {
        ConcurrentLinkedQueue<long[]> queue = new ConcurrentLinkedQueue<>(attempts);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger retried = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    long[] attempt;
                    while ((attempt = queue.poll()) != null) {
                        MvcResult result = reserve(attempt[0], attempt[1], attempt[2]);
                        int status = result.getResponse().getStatus();
                        if (status == 503 && result.getResponse().getHeader("Retry-After") != null
                                && retried.incrementAndGet() <= MAX_RETRIES) {
                            // The fail-fast answer of a stampede that outwaits the connection pool (1 s): it
                            // changed nothing, and a client tries again, as this one does.
                            queue.add(attempt);
                            Thread.sleep(20);
                            continue;
                        }
                        String outcome = status == 200 ? "200" : status + " " + errorCode(result);
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%d attempts on %d workers: %s, 503s tried again %d%n", attempts.size(), threads, outcomes,
                retried.get());
        Map<String, Integer> counted = new ConcurrentHashMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.get()));
        return counted;
    }
}
