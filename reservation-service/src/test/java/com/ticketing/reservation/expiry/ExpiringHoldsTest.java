package com.ticketing.reservation.expiry;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.EventsProbe;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExpiringHoldsTest extends IntegrationTest {

    @Autowired
    ExpiringHolds expiringHolds;

    @Test
    void shouldExpireAHoldPastItsTimeReleaseTheSeatAndPublishReservationExpired() throws Exception {
        long seatId = CatalogStub.seatId(10, 1);
        long reservationId = hold(1001, seatId);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        // the scheduled sweeper (every 200 ms in tests) does it
        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(statusOf(reservationId)));
        assertThat(jdbc.queryForObject("SELECT active_seat_id FROM reservation WHERE id = ?", Long.class, reservationId))
                .isNull();
        EventsProbe.Received expired = events().await(Topics.RESERVATION_EVENTS, EventTypes.RESERVATION_EXPIRED, reservationId);
        assertThat(expired.key()).isEqualTo(Long.toString(reservationId));
        Contracts.assertMatches("events/ReservationExpired", expired.value()); // what concert-service reads
        assertThat(expired.envelope().payload().path("seatId").asLong()).isEqualTo(seatId);
        assertThat(expired.envelope().payload().path("userId").asLong()).isEqualTo(1001);
        assertThat(expired.envelope().payload().path("scheduleId").asLong()).isEqualTo(10);
        // the seat is free for somebody else
        assertThat(reserve(1002, 10, seatId).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void shouldNotExpireAHoldBeforeItsTime() throws Exception {
        long reservationId = hold(1011, CatalogStub.seatId(10, 2));

        clock.advance(Duration.ofMinutes(4).plusSeconds(50));

        assertThat(expiringHolds.expireDue()).isZero();
        assertThat(statusOf(reservationId)).isEqualTo("HELD");
    }

    @Test
    void shouldNeverExpireAHoldLockedForPayment() throws Exception {
        long reservationId = hold(1021, CatalogStub.seatId(10, 3));
        assertThat(lock(reservationId, 1021, 77_001).getResponse().getStatus()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(30));
        expiringHolds.expireDue();

        assertThat(statusOf(reservationId)).isEqualTo("PAYING");
        assertThat(outboxCount(EventTypes.RESERVATION_EXPIRED, reservationId)).isZero();
    }

    @Test
    void shouldExpireEachHoldExactlyOnceWithSeveralSweepersAtOnce() throws Exception {
        List<Long> reservations = new ArrayList<>();
        for (int seatNo = 1; seatNo <= 50; seatNo++) {
            reservations.add(hold(1100 + seatNo, CatalogStub.seatId(11, seatNo)));
        }
        clock.advance(Duration.ofMinutes(6));

        int sweepers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(sweepers);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < sweepers; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                return expiringHolds.expireDue();
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM reservation WHERE status = 'EXPIRED'", Integer.class) == 50);

        for (long id : reservations) {
            assertThat(outboxCount(EventTypes.RESERVATION_EXPIRED, id)).as("events of %d", id).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE active_seat_id IS NOT NULL", Integer.class)).isZero();
    }
}
