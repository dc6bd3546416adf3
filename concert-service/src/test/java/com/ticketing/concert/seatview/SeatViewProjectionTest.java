package com.ticketing.concert.seatview;

import com.ticketing.concert.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.ticketing.concert.seatview.ProjectingSeatStatus.Outcome.APPLIED;
import static com.ticketing.concert.seatview.ProjectingSeatStatus.Outcome.DUPLICATE;
import static com.ticketing.concert.seatview.ProjectingSeatStatus.Outcome.STALE;
import static com.ticketing.concert.seatview.ReservationStage.HELD;
import static com.ticketing.concert.seatview.ReservationStage.RELEASED;
import static com.ticketing.concert.seatview.ReservationStage.SOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The projection use case against the real schema: ordering rules, idempotency, concurrency. */
class SeatViewProjectionTest extends IntegrationTest {

    @Autowired
    private ProjectingSeatStatus projecting;

    private record Delivery(String eventId, SeatChange change) {
    }

    private static Delivery event(long reservationId, long scheduleId, int seatNo, ReservationStage stage) {
        return new Delivery(UUID.randomUUID().toString(), new SeatChange(reservationId, scheduleId, seatId(scheduleId, seatNo), stage));
    }

    private ProjectingSeatStatus.Outcome deliver(Delivery delivery) {
        return projecting.apply(delivery.eventId(), delivery.change());
    }

    private long processedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer = ?")
                .param(ProjectingSeatStatus.CONSUMER).query(Long.class).single();
    }

    private String stageOf(long seatId) {
        return jdbc.sql("SELECT CONCAT(reservation_id, ':', reservation_stage) FROM seat_view WHERE seat_id = ?")
                .param(seatId).query(String.class).single();
    }

    @Test
    void shouldEndAvailableWhenAnExpiryArrivesBeforeItsHold() {
        Delivery held = event(10, 2, 1, HELD);
        Delivery expired = event(10, 2, 1, RELEASED);

        assertThat(deliver(expired)).isEqualTo(APPLIED);
        assertThat(deliver(held)).isEqualTo(STALE);

        assertThat(statusOf(seatId(2, 1))).isEqualTo("AVAILABLE");
        assertThat(stageOf(seatId(2, 1))).isEqualTo("10:RELEASED");
    }

    @Test
    void shouldIgnoreAnOlderReservationsHoldThatArrivesAfterANewerOnes() {
        deliver(event(10, 2, 2, HELD));
        deliver(event(10, 2, 2, RELEASED));
        deliver(event(11, 2, 2, HELD));

        assertThat(deliver(event(9, 2, 2, HELD))).isEqualTo(STALE);
        assertThat(deliver(event(10, 2, 2, HELD))).isEqualTo(STALE);

        assertThat(statusOf(seatId(2, 2))).isEqualTo("HELD");
        assertThat(stageOf(seatId(2, 2))).isEqualTo("11:HELD");
    }

    @Test
    void shouldNotFreeASoldSeatWhenAReleaseArrivesLate() {
        deliver(event(12, 2, 3, HELD));
        deliver(event(12, 2, 3, SOLD));

        assertThat(deliver(event(12, 2, 3, RELEASED))).isEqualTo(STALE);
        assertThat(deliver(event(11, 2, 3, RELEASED))).isEqualTo(STALE);

        assertThat(statusOf(seatId(2, 3))).isEqualTo("SOLD");
    }

    @Test
    void shouldApplyEveryEventOnceWhenEachIsDeliveredTwice() {
        List<Delivery> history = List.of(event(20, 3, 1, HELD), event(20, 3, 1, RELEASED), event(21, 3, 1, HELD),
                event(21, 3, 1, SOLD), event(22, 3, 2, HELD), event(22, 3, 2, RELEASED));
        double duplicates = counter(ProjectingSeatStatus.METRIC, "outcome", "duplicate");

        for (Delivery delivery : history) {
            assertThat(deliver(delivery)).isIn(APPLIED, STALE);
            assertThat(deliver(delivery)).isEqualTo(DUPLICATE);
        }
        for (Delivery delivery : history) {
            assertThat(deliver(delivery)).isEqualTo(DUPLICATE);
        }

        assertThat(statusOf(seatId(3, 1))).isEqualTo("SOLD");
        assertThat(stageOf(seatId(3, 1))).isEqualTo("21:SOLD");
        assertThat(statusOf(seatId(3, 2))).isEqualTo("AVAILABLE");
        assertThat(processedCount()).isEqualTo(history.size());
        assertThat(counter(ProjectingSeatStatus.METRIC, "outcome", "duplicate")).isEqualTo(duplicates + 2 * history.size());
    }

    @Test
    void shouldReachTheSameStateWhenShuffledDuplicatedEventsArriveConcurrently() throws Exception {
        // Seat (4, 1): 10 held + expired, 11 held + expired, 12 held + confirmed -> SOLD by 12.
        // Seat (4, 2): 30 held + cancelled, 31 held -> HELD by 31. Every event delivered three times.
        List<Delivery> history = List.of(
                event(10, 4, 1, HELD), event(10, 4, 1, RELEASED), event(11, 4, 1, HELD), event(11, 4, 1, RELEASED),
                event(12, 4, 1, HELD), event(12, 4, 1, SOLD), event(30, 4, 2, HELD), event(30, 4, 2, RELEASED),
                event(31, 4, 2, HELD));
        List<Delivery> deliveries = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            deliveries.addAll(history);
        }
        Collections.shuffle(deliveries, new Random(42));

        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<ProjectingSeatStatus.Outcome>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int first = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<ProjectingSeatStatus.Outcome> outcomes = new ArrayList<>();
                    for (int i = first; i < deliveries.size(); i += threads) {
                        outcomes.add(deliver(deliveries.get(i)));
                    }
                    return outcomes;
                }));
            }
            start.countDown();
            List<ProjectingSeatStatus.Outcome> outcomes = new ArrayList<>();
            for (Future<List<ProjectingSeatStatus.Outcome>> result : results) {
                outcomes.addAll(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(outcomes.stream().filter(o -> o == DUPLICATE).count()).isEqualTo(2L * history.size());
            assertThat(outcomes.stream().filter(o -> o != DUPLICATE).count()).isEqualTo(history.size());
        } finally {
            pool.shutdownNow();
        }

        assertThat(stageOf(seatId(4, 1))).isEqualTo("12:SOLD");
        assertThat(statusOf(seatId(4, 1))).isEqualTo("SOLD");
        assertThat(stageOf(seatId(4, 2))).isEqualTo("31:HELD");
        assertThat(statusOf(seatId(4, 2))).isEqualTo("HELD");
        assertThat(processedCount()).isEqualTo(history.size());
    }

    @Test
    void shouldRefuseAnEventAboutASeatOfAnotherScheduleAndRecordNothing() {
        SeatChange wrongSchedule = new SeatChange(40, 2, seatId(1, 1), HELD);
        SeatChange unknownSeat = new SeatChange(41, 1, 1_000_000, HELD);

        assertThatThrownBy(() -> projecting.apply(UUID.randomUUID().toString(), wrongSchedule))
                .isInstanceOf(ProjectingSeatStatus.UnknownSeatException.class);
        assertThatThrownBy(() -> projecting.apply(UUID.randomUUID().toString(), unknownSeat))
                .isInstanceOf(ProjectingSeatStatus.UnknownSeatException.class);

        assertThat(statusOf(seatId(1, 1))).isEqualTo("AVAILABLE");
        assertThat(processedCount()).isZero();
    }
}
