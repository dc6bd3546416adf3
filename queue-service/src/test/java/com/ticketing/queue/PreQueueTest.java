package com.ticketing.queue;

import com.ticketing.queue.admission.OpeningRooms;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.Opening;
import com.ticketing.queue.domain.PreQueueShuffle;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomFigures;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-queue: no position before the sale start, one fair shuffle at the opening, FIFO after it. */
class PreQueueTest extends QueueIntegrationTest {

    /** Chi-square critical value for 9 degrees of freedom at p = 0.001. */
    private static final double CHI_SQUARE_9_DF_P_0_001 = 27.877;

    @Autowired
    OpeningRooms opening;

    @Test
    void shouldGiveArrivalsBeforeTheSaleStartAPreQueuePlaceWithNoPosition() {
        long room = preQueueRoom(1, CLOCK.instant().plusSeconds(5));

        QueueHttp.Reply issued = http.issue(1, room);
        QueueHttp.Reply checked = http.check(issued.token());

        for (QueueHttp.Reply r : List.of(issued, checked)) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.data().get("status").asString()).isEqualTo("PRE_QUEUE");
            assertThat(r.data().get("roomState").asString()).isEqualTo("PRE_QUEUE");
            assertThat(r.data().get("position").isNull()).isTrue();
            assertThat(r.data().get("estimatedWaitSeconds").isNull()).isTrue();
            assertThat(r.data().get("pollAfterMs").asLong()).as("bounded by the time to the sale start")
                    .isBetween(1_000L, 5_000L);
            assertThat(Instant.parse(r.data().get("saleStartsAt").asString()))
                    .isEqualTo(store.figures(room).orElseThrow().room().saleStartsAt());
        }
        assertThat(admit(room).admitted()).as("nobody is admitted before the opening").isZero();
    }

    @Test
    void shouldShuffleThePreQueueOnceAtTheOpeningReplayablyFromTheSeedAndQueueLaterArrivalsFifoBehind() {
        long room = preQueueRoom(1, CLOCK.instant().plusSeconds(60));
        store.issue(room, 999, UUID.randomUUID().toString()); // stops polling: dropped at the opening
        CLOCK.advance(Duration.ofSeconds(61));
        LongStream.rangeClosed(1, 50).forEach(u -> store.issue(room, u, UUID.randomUUID().toString()));
        List<Long> arrivalOrder = store.preQueue(room, 1_000).stream().filter(u -> u != 999).toList();

        AdmissionResult first = admitting.admit(room, settings(Duration.ofSeconds(60)));

        RoomFigures figures = store.figures(room).orElseThrow();
        assertThat(figures.room().state()).isEqualTo(RoomState.OPEN);
        assertThat(figures.room().shuffleSeed()).isNotNull();
        assertThat(figures.preQueue()).isZero();
        List<Long> line = new ArrayList<>(first.admittedUserIds());
        line.addAll(store.line(room, 1_000));
        assertThat(line).as("the line is the replay of the logged seed over the arrival order")
                .containsExactlyElementsOf(PreQueueShuffle.shuffle(arrivalOrder, figures.room().shuffleSeed()));
        assertThat(line).isNotEqualTo(arrivalOrder).doesNotContain(999L);
        assertThat(store.audit(room).get(0)).contains("\"action\":\"OPEN\"")
                .contains("\"shuffleSeed\":" + figures.room().shuffleSeed());
        assertThat(opening.open(room, Duration.ofSeconds(60))).as("opened only once").isEmpty();

        LongStream.rangeClosed(101, 110).forEach(u -> store.issue(room, u, UUID.randomUUID().toString()));
        List<Long> expected = new ArrayList<>(line);
        LongStream.rangeClosed(101, 110).forEach(expected::add);
        List<Long> admitted = new ArrayList<>(first.admittedUserIds());
        for (int i = 0; i < 10 && admitted.size() < expected.size(); i++) {
            admitted.addAll(admit(room).admittedUserIds());
        }
        assertThat(admitted).as("later arrivals FIFO behind the shuffled pre-queue").containsExactlyElementsOf(expected);
    }

    @Test
    void shouldOpenARoomOnlyOnceWhenFourInstancesOpenItAtOnce() throws Exception {
        long room = preQueueRoom(1, CLOCK.instant());
        LongStream.rangeClosed(1, 200).forEach(u -> store.issue(room, u, UUID.randomUUID().toString()));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<Opening>>> openings = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                long seed = 1 + i;
                openings.add(pool.submit(() -> {
                    start.await();
                    return store.open(room, seed, Duration.ofMinutes(1));
                }));
            }
            start.countDown();
            int opened = 0;
            for (Future<Optional<Opening>> f : openings) {
                opened += f.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(opened).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(redis.opsForZSet().zCard(keys(room).waiting())).isEqualTo(200);
        assertThat(redis.opsForZSet().rangeWithScores(keys(room).waiting(), 0, -1))
                .extracting(t -> t.getScore().longValue()).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    }

    /**
     * 2,000 openings of 10 users each, with seeds from a fixed generator (deterministic: no flakiness): the earliest
     * arrival's final position must be uniform over 1..10. Chi-square with 9 degrees of freedom, below the p = 0.001
     * critical value. (A shuffle that favoured early arrivals even slightly, e.g. a Fisher–Yates drawing from 1..n
     * instead of 1..i, fails this.)
     */
    @Test
    void shouldGiveTheEarliestArrivalAUniformlyDistributedPositionOverManyOpenings() {
        int openings = 2_000;
        int users = 10;
        Random seeds = new Random(20_261_224L);
        long[] earliestAt = new long[users];
        long[] latestAt = new long[users];
        for (int o = 1; o <= openings; o++) {
            long room = o;
            operating.create(null, new Room(room, "Room " + room, RoomState.PRE_QUEUE, CLOCK.instant(), null, null,
                    new RoomLimits(10, 600, 60)));
            LongStream.rangeClosed(1, users).forEach(u -> store.issue(room, u, "t" + u));
            long seed = 1 + (long) (seeds.nextDouble() * (PreQueueShuffle.MODULUS - 2));
            assertThat(store.open(room, seed, Duration.ofMinutes(10))).isPresent();
            earliestAt[redis.opsForZSet().rank(keys(room).waiting(), "1").intValue()]++;
            latestAt[redis.opsForZSet().rank(keys(room).waiting(), Integer.toString(users)).intValue()]++;
        }
        double chiEarliest = chiSquare(earliestAt, openings / (double) users);
        double chiLatest = chiSquare(latestAt, openings / (double) users);
        System.out.printf("pre-queue fairness: %d openings of %d users; earliest arrival's positions %s, chi-square %.3f;"
                        + " latest arrival's %s, chi-square %.3f (critical value, 9 df, p = 0.001: %.3f)%n",
                openings, users, java.util.Arrays.toString(earliestAt), chiEarliest,
                java.util.Arrays.toString(latestAt), chiLatest, CHI_SQUARE_9_DF_P_0_001);
        assertThat(chiEarliest).isLessThan(CHI_SQUARE_9_DF_P_0_001);
        assertThat(chiLatest).isLessThan(CHI_SQUARE_9_DF_P_0_001);
    }

    private static double chiSquare(long[] observed, double expected) {
        double chi = 0;
        for (long o : observed) {
            chi += (o - expected) * (o - expected) / expected;
        }
        return chi;
    }
}
