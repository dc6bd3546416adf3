package com.ticketing.queue;

import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.AdmissionSettings;
import com.ticketing.queue.domain.persistence.QueueClock;
import com.ticketing.queue.domain.persistence.QueueStore;
import com.ticketing.queue.token.IssuingQueueTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
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
    @Autowired
    LettuceConnectionFactory sharedFactory;

    @Test
    void shouldAdmitTenThousandConcurrentlyIssuedUsersInTheOrderOfTheirArrivalSequence() throws Exception {
        long room = openRoom(1, 10_000, 6_000_000, 600);
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
                        issuing.issue(userId, room);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(180, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> arrivalOrder = new ArrayList<>();
        double previous = 0;
        for (ZSetOperations.TypedTuple<String> entry : redis.opsForZSet().rangeWithScores(keys(room).waiting(), 0, -1)) {
            assertThat(entry.getScore()).isGreaterThan(previous);
            previous = entry.getScore();
            arrivalOrder.add(Long.parseLong(entry.getValue()));
        }
        assertThat(arrivalOrder).hasSize(users).doesNotHaveDuplicates();
        assertThat(redis.opsForValue().get(keys(room).sequence())).isEqualTo(Integer.toString(users));

        assertThat(admitEveryone(room)).containsExactlyElementsOf(arrivalOrder);
    }

    @Test
    void shouldAdmitSequentiallyIssuedUsersInIssueOrderAndReportPositions() {
        long room = openRoom(1, 1_000, 6_000_000, 600);
        List<Long> issueOrder = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long userId = 1 + (i * 7919L) % 100_000; // not sorted by id
            tokens.add(http.issue(userId, room).token());
            issueOrder.add(userId);
        }
        assertThat(http.check(tokens.get(3)).data().get("position").asLong()).isEqualTo(4);

        assertThat(admitEveryone(room)).containsExactlyElementsOf(issueOrder);
        assertThat(http.check(tokens.get(0)).data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(http.check(tokens.get(0)).data().get("position").asLong()).isZero();
    }

    @Test
    void shouldKeepEachOfTwoOpenRoomsWithinItsOwnMaxActiveWhenFourInstancesAdmitConcurrently() throws Exception {
        long big = openRoom(1, 300, 6_000_000, 600);
        long small = openRoom(2, 120, 60_000, 600);
        issueDirectly(big, 1_000);
        issueDirectly(small, 1_000);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong highestBig = new AtomicLong();
        AtomicLong highestSmall = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                highestBig.accumulateAndGet(redis.opsForZSet().zCard(keys(big).admitted()), Math::max);
                highestSmall.accumulateAndGet(redis.opsForZSet().zCard(keys(small).admitted()), Math::max);
                samples.incrementAndGet();
            }
        });
        List<LettuceConnectionFactory> factories = new ArrayList<>();
        ExecutorService instances = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> admittedByInstance = new ArrayList<>();
        AdmissionSettings settings = new AdmissionSettings(Duration.ofMinutes(10), 500, 1000, Duration.ofSeconds(20),
                Duration.ofMillis(50));
        try {
            sampler.start();
            for (int i = 0; i < 4; i++) {
                QueueStore instance = new QueueStore(template(factories), QueueClock.redisTime());
                admittedByInstance.add(instances.submit(() -> {
                    start.await();
                    long[] admitted = new long[2];
                    for (int step = 0; step < 60; step++) {
                        AdmissionResult a = instance.admit(big, settings);
                        AdmissionResult b = instance.admit(small, settings);
                        assertThat(a.active()).isLessThanOrEqualTo(300);
                        assertThat(b.active()).isLessThanOrEqualTo(120);
                        admitted[0] += a.admitted();
                        admitted[1] += b.admitted();
                        Thread.sleep(2); // the buckets refill by the ms: two steps in one ms find them empty
                    }
                    return admitted;
                }));
            }
            start.countDown();
            long totalBig = 0;
            long totalSmall = 0;
            for (Future<long[]> f : admittedByInstance) {
                long[] a = f.get(120, TimeUnit.SECONDS);
                totalBig += a[0];
                totalSmall += a[1];
            }
            assertThat(totalBig).isEqualTo(300);
            assertThat(totalSmall).isEqualTo(120);
        } finally {
            running.set(false);
            sampler.join(5000);
            instances.shutdownNow();
            factories.forEach(LettuceConnectionFactory::destroy);
        }

        System.out.printf("two rooms, four instances: %d samples, highest admitted %d/300 and %d/120%n",
                samples.get(), highestBig.get(), highestSmall.get());
        assertThat(samples.get()).isPositive();
        assertThat(highestBig.get()).isLessThanOrEqualTo(300);
        assertThat(highestSmall.get()).isLessThanOrEqualTo(120);
        assertThat(redis.opsForZSet().zCard(keys(big).admitted())).isEqualTo(300);
        assertThat(redis.opsForZSet().zCard(keys(small).admitted())).isEqualTo(120);
        assertThat(TestRedis.keys(redis, keys(big).activePrefix() + "*")).hasSize(300);
        assertThat(redis.opsForZSet().zCard(keys(small).waiting())).isEqualTo(1_000 - 120);
    }

    @Test
    void shouldNotAdmitFasterThanTheRoomsSharedRateWhenFourInstancesStepAtOnce() throws Exception {
        long room = openRoom(1, 5_000, 12_000, 600); // 200 per second
        issueDirectly(room, 2_000);
        AdmissionSettings settings = new AdmissionSettings(Duration.ofMinutes(10), 500, 1000, Duration.ofSeconds(20),
                Duration.ofMillis(50)); // bucket of 200/s x 50 ms = 10
        List<LettuceConnectionFactory> factories = new ArrayList<>();
        ExecutorService instances = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> admittedByInstance = new ArrayList<>();
        long began = System.nanoTime();
        int total = 0;
        try {
            for (int i = 0; i < 4; i++) {
                QueueStore instance = new QueueStore(template(factories), QueueClock.redisTime());
                admittedByInstance.add(instances.submit(() -> {
                    start.await();
                    int admitted = 0;
                    for (int step = 0; step < 100; step++) {
                        AdmissionResult result = instance.admit(room, settings);
                        assertThat(result.admitted()).isLessThanOrEqualTo(10);
                        admitted += result.admitted();
                    }
                    return admitted;
                }));
            }
            start.countDown();
            for (Future<Integer> f : admittedByInstance) {
                total += f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
            factories.forEach(LettuceConnectionFactory::destroy);
        }
        double elapsedSeconds = (System.nanoTime() - began) / 1e9;

        assertThat((double) total).isPositive().isLessThanOrEqualTo(10 + 200 * elapsedSeconds + 1);
        assertThat(redis.opsForZSet().zCard(keys(room).admitted())).isEqualTo(total);
    }

    @Test
    void shouldNeverAdmitAUserWhoseLastPollIsOlderThanTheIdleTimeoutEvenPastThePurgeBatch() {
        long room = openRoom(1, 10_000, 6_000_000, 600);
        issueDirectly(room, 550); // these stop polling
        CLOCK.advance(Duration.ofMinutes(2));
        LongStream.rangeClosed(1_001, 1_050).forEach(u -> store.issue(room, u, UUID.randomUUID().toString()));

        // The purge drops at most 500 idle users per step: 50 stale ones are still at the head of the line.
        AdmissionResult result = admitting.admit(room, new AdmissionSettings(Duration.ofMinutes(1), 500, 1000,
                Duration.ofSeconds(20), Duration.ofMillis(500)));

        assertThat(result.abandoned()).isEqualTo(550);
        assertThat(result.admittedUserIds()).containsExactlyElementsOf(LongStream.rangeClosed(1_001, 1_050).boxed().toList());
        assertThat(redis.opsForHash().size(keys(room).tokens())).isEqualTo(50);
    }

    private StringRedisTemplate template(List<LettuceConnectionFactory> factories) {
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(sharedFactory.getHostName(),
                sharedFactory.getPort());
        config.setDatabase(sharedFactory.getDatabase());
        LettuceConnectionFactory factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        factories.add(factory);
        return new StringRedisTemplate(factory);
    }

    private void issueDirectly(long room, int users) {
        LongStream.rangeClosed(1, users).forEach(userId -> store.issue(room, userId, UUID.randomUUID().toString()));
    }

    private List<Long> admitEveryone(long room) {
        List<Long> order = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (redis.opsForZSet().zCard(keys(room).waiting()) > 0 && System.nanoTime() < deadline) {
            AdmissionResult result = admit(room);
            for (Long id : result.admittedUserIds()) {
                assertThat(seen.add(id)).as("user %s admitted twice", id).isTrue();
                order.add(id);
            }
        }
        return order;
    }
}
