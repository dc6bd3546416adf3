package com.ticketing.queue;

import com.ticketing.queue.domain.AdmissionLimits;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.persistence.QueueKeys;
import com.ticketing.queue.token.IssuingQueueTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ZSetOperations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class FairAdmissionTest extends QueueIntegrationTest {

    @Autowired
    IssuingQueueTokens issuing;

    private static AdmissionLimits limits(int maxActive, int ratePerSecond, int burst) {
        return new AdmissionLimits(maxActive, ratePerSecond, burst, Duration.ofMinutes(10), Duration.ofMinutes(10),
                500, 1000, Duration.ofSeconds(20));
    }

    @Test
    void shouldAdmitTenThousandConcurrentlyIssuedUsersInTheOrderOfTheirArrivalSequence() throws Exception {
        int users = 10_000;
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (long userId = first + 1; userId <= users; userId += threads) {
                        issuing.issue(userId);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // The arrival order is the order of the sequence scores given out atomically at issue.
        List<Long> arrivalOrder = new ArrayList<>();
        double previous = 0;
        for (ZSetOperations.TypedTuple<String> entry : redis.opsForZSet().rangeWithScores(QueueKeys.WAITING, 0, -1)) {
            assertThat(entry.getScore()).isGreaterThan(previous);
            previous = entry.getScore();
            arrivalOrder.add(Long.parseLong(entry.getValue()));
        }
        assertThat(arrivalOrder).hasSize(users).doesNotHaveDuplicates();
        assertThat(redis.opsForValue().get(QueueKeys.SEQUENCE)).isEqualTo(Integer.toString(users));

        List<Long> admissionOrder = admitEveryone(limits(users, 100_000, 700));

        assertThat(admissionOrder).containsExactlyElementsOf(arrivalOrder);
    }

    @Test
    void shouldAdmitSequentiallyIssuedUsersInIssueOrder() {
        List<Long> issueOrder = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long userId = 1 + (i * 7919L) % 100_000; // not sorted by id
            issuing.issue(userId);
            issueOrder.add(userId);
        }

        List<Long> admissionOrder = admitEveryone(limits(1000, 100_000, 7));

        assertThat(admissionOrder).containsExactlyElementsOf(issueOrder);
    }

    @Test
    void shouldReportPositionAsWaitingUsersAheadPlusOneAndZeroOnceAdmitted() {
        List<String> tokens = new ArrayList<>();
        for (long userId = 1; userId <= 5; userId++) {
            tokens.add(http.issue(userId).token());
        }
        assertThat(http.check(tokens.get(3)).data().get("position").asLong()).isEqualTo(4);

        admitting.admitNext(limits(10, 100_000, 2));

        assertThat(http.check(tokens.get(0)).data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(http.check(tokens.get(0)).data().get("position").asLong()).isZero();
        assertThat(http.check(tokens.get(1)).data().get("position").asLong()).isZero();
        assertThat(http.check(tokens.get(2)).data().get("position").asLong()).isEqualTo(1);
        assertThat(http.check(tokens.get(4)).data().get("position").asLong()).isEqualTo(3);
    }

    @Test
    void shouldNeverAdmitMoreThanMaxActiveWhenFourRunnersStepConcurrently() throws Exception {
        int maxActive = 300;
        issueDirectly(1000);
        AdmissionLimits limits = limits(maxActive, 1_000_000, 9);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong highestSeen = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                highestSeen.accumulateAndGet(redis.opsForZSet().zCard(QueueKeys.ADMITTED), Math::max);
                samples.incrementAndGet();
            }
        });
        ExecutorService runners = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> admittedByRunner = new ArrayList<>();
        try {
            sampler.start();
            for (int r = 0; r < 4; r++) {
                admittedByRunner.add(runners.submit(() -> {
                    start.await();
                    int admitted = 0;
                    for (int step = 0; step < 40; step++) {
                        AdmissionResult result = admitting.admitNext(limits);
                        assertThat(result.active()).isLessThanOrEqualTo(maxActive);
                        admitted += result.admitted();
                        // the bucket refills by Redis TIME in ms: two steps in the same ms find it empty
                        Thread.sleep(1);
                    }
                    return admitted;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : admittedByRunner) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(maxActive);
        } finally {
            running.set(false);
            sampler.join(5000);
            runners.shutdownNow();
        }

        assertThat(samples.get()).isPositive();
        assertThat(highestSeen.get()).isLessThanOrEqualTo(maxActive);
        assertThat(redis.opsForZSet().zCard(QueueKeys.ADMITTED)).isEqualTo(maxActive);
        assertThat(TestRedis.keys(redis, QueueKeys.ACTIVE_PREFIX + "*")).hasSize(maxActive);
        assertThat(redis.opsForZSet().zCard(QueueKeys.WAITING)).isEqualTo(1000 - maxActive);
    }

    @Test
    void shouldNotAdmitFasterThanTheSharedRateWhenFourInstancesStepAtOnce() throws Exception {
        issueDirectly(2000);
        int rate = 200;
        int burst = 10;
        AdmissionLimits limits = limits(5000, rate, burst);

        ExecutorService runners = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> admittedByRunner = new ArrayList<>();
        long began = System.nanoTime();
        int total = 0;
        try {
            for (int r = 0; r < 4; r++) {
                admittedByRunner.add(runners.submit(() -> {
                    start.await();
                    int admitted = 0;
                    for (int step = 0; step < 100; step++) {
                        AdmissionResult result = admitting.admitNext(limits);
                        assertThat(result.admitted()).isLessThanOrEqualTo(burst);
                        admitted += result.admitted();
                    }
                    return admitted;
                }));
            }
            start.countDown();
            for (Future<Integer> f : admittedByRunner) {
                total += f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            runners.shutdownNow();
        }
        double elapsedSeconds = (System.nanoTime() - began) / 1e9;

        // A full bucket to start with, then at most `rate` per second for all four together (+1 for clock rounding).
        assertThat((double) total).isPositive().isLessThanOrEqualTo(burst + rate * elapsedSeconds + 1);
        assertThat(redis.opsForZSet().zCard(QueueKeys.ADMITTED)).isEqualTo(total);
    }

    private void issueDirectly(int users) {
        LongStream.rangeClosed(1, users).forEach(userId -> store.issue(userId, UUID.randomUUID().toString()));
    }

    private List<Long> admitEveryone(AdmissionLimits limits) {
        List<Long> order = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (redis.opsForZSet().zCard(QueueKeys.WAITING) > 0 && System.nanoTime() < deadline) {
            AdmissionResult result = admitting.admitNext(limits);
            for (Long id : result.admittedUserIds()) {
                assertThat(seen.add(id)).as("user %s admitted twice", id).isTrue();
                order.add(id);
            }
        }
        return order;
    }
}
