package com.ticketing.reservation.paymentlock;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventTypes;
import com.ticketing.reservation.expiry.HoldSweeper;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class LockingForPaymentTest extends IntegrationTest {

    @Autowired
    HoldSweeper sweeper;

    @Test
    void shouldLockAHeldReservationForItsOwner() throws Exception {
        long seatId = CatalogStub.seatId(12, 1);
        long reservationId = hold(2001, seatId);

        MvcResult result = lock(reservationId, 2001, 88_001);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode data = body(result).path("data");
        Contracts.assertMatches("reservation-service/reservation-answer", data); // what payment-service reads
        assertThat(data.path("reservationId").asLong()).isEqualTo(reservationId);
        assertThat(data.path("userId").asLong()).isEqualTo(2001);
        assertThat(data.path("scheduleId").asLong()).isEqualTo(12);
        assertThat(data.path("seatId").asLong()).isEqualTo(seatId);
        assertThat(data.path("price").asLong()).isEqualTo(CatalogStub.priceOf(seatId));
        assertThat(data.path("status").asString()).isEqualTo("PAYING");
        assertThat(data.path("expiresAt").asString()).isNotBlank();
        assertThat(statusOf(reservationId)).isEqualTo("PAYING");
    }

    @Test
    void shouldRefuseToLockForAPayerAdmittedToAnotherSchedulesRoomAndChangeNothing() throws Exception {
        long reservationId = hold(2016, CatalogStub.seatId(12, 4));

        MvcResult otherRoom = lock(reservationId, 2016, 88_016, 13);

        assertThat(otherRoom.getResponse().getStatus()).isEqualTo(403);
        assertThat(errorCode(otherRoom)).isEqualTo("QUEUE_NOT_ADMITTED");
        assertThat(statusOf(reservationId)).isEqualTo("HELD");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM refused_payment_lock", Integer.class))
                .as("no fence recorded: the payment may still lock it from the right room").isZero();
        assertThat(jdbc.queryForObject("SELECT payment_id FROM reservation WHERE id = ?", Long.class, reservationId))
                .isNull();
        // Another user's reservation stays 404 whatever the room: the room check comes after the owner check.
        assertThat(lock(reservationId, 2017, 88_017, 13).getResponse().getStatus()).isEqualTo(404);
        assertThat(lock(reservationId, 2016, 88_016, 12).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void shouldNotRevealAnotherUsersReservation() throws Exception {
        long reservationId = hold(2011, CatalogStub.seatId(12, 2));

        MvcResult result = lock(reservationId, 2012, 88_011);
        MvcResult unknown = lock(reservationId + 1_000_000, 2011, 88_012);

        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(errorCode(result)).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(statusOf(reservationId)).isEqualTo("HELD");
    }

    @Test
    void shouldRefuseToLockAHoldPastItsTimeEvenBeforeTheSweeperRuns() throws Exception {
        long reservationId = hold(2021, CatalogStub.seatId(12, 3));
        sweeper.stop();
        try {
            clock.advance(Duration.ofMinutes(5));

            MvcResult result = lock(reservationId, 2021, 88_021);

            assertThat(result.getResponse().getStatus()).isEqualTo(409);
            assertThat(errorCode(result)).isEqualTo("RESERVATION_NOT_PAYABLE");
            assertThat(statusOf(reservationId)).isEqualTo("HELD"); // not swept yet, still not lockable
        } finally {
            sweeper.start();
        }
    }

    @Test
    void shouldRefuseToLockAnExpiredReservation() throws Exception {
        long reservationId = hold(2026, CatalogStub.seatId(12, 9));
        clock.advance(Duration.ofMinutes(6));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(statusOf(reservationId)));

        MvcResult result = lock(reservationId, 2026, 88_026);

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(errorCode(result)).isEqualTo("RESERVATION_NOT_PAYABLE");
    }

    @Test
    void shouldRefuseASecondPaymentWhileTheFirstHoldsTheLock() throws Exception {
        long reservationId = hold(2031, CatalogStub.seatId(12, 4));
        lock(reservationId, 2031, 88_031);

        MvcResult second = lock(reservationId, 2031, 88_032);

        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(errorCode(second)).isEqualTo("RESERVATION_LOCKED");
        assertThat(jdbc.queryForObject("SELECT payment_id FROM reservation WHERE id = ?", Long.class, reservationId))
                .isEqualTo(88_031);
    }

    @Test
    void shouldAnswerTheSameLockWhenTheSamePaymentAsksAgain() throws Exception {
        long reservationId = hold(2041, CatalogStub.seatId(12, 5));
        MvcResult first = lock(reservationId, 2041, 88_041);

        MvcResult again = lock(reservationId, 2041, 88_041);

        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
    }

    @Test
    void shouldRestoreTheHoldOnUnlockAndLetAnotherPaymentLockIt() throws Exception {
        long reservationId = hold(2051, CatalogStub.seatId(12, 6));
        lock(reservationId, 2051, 88_051);

        MvcResult unlocked = unlock(reservationId, 88_051);
        MvcResult unlockedAgain = unlock(reservationId, 88_051);

        assertThat(unlocked.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(unlocked).path("data").path("status").asString()).isEqualTo("HELD");
        Contracts.assertMatches("reservation-service/reservation-answer", body(unlocked).path("data"));
        assertThat(unlockedAgain.getResponse().getStatus()).isEqualTo(200);
        assertThat(statusOf(reservationId)).isEqualTo("HELD");
        assertThat(lock(reservationId, 2051, 88_052).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void shouldNotReleaseAnotherPaymentsLock() throws Exception {
        long reservationId = hold(2056, CatalogStub.seatId(12, 10));
        lock(reservationId, 2056, 88_056);

        MvcResult result = unlock(reservationId, 88_057);

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(errorCode(result)).isEqualTo("RESERVATION_LOCKED");
        assertThat(statusOf(reservationId)).isEqualTo("PAYING");
    }

    @Test
    void shouldExpireOnUnlockWhenTheHoldRanOutMeanwhile() throws Exception {
        long seatId = CatalogStub.seatId(12, 7);
        long reservationId = hold(2061, seatId);
        lock(reservationId, 2061, 88_061);
        clock.advance(Duration.ofMinutes(6));

        MvcResult result = unlock(reservationId, 88_061);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(result).path("data").path("status").asString()).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("SELECT active_seat_id FROM reservation WHERE id = ?", Long.class, reservationId)).isNull();
        assertThat(outboxCount(EventTypes.RESERVATION_EXPIRED, reservationId)).isEqualTo(1);
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentPaymentsLockTheReservation() throws Exception {
        long reservationId = hold(2071, CatalogStub.seatId(12, 8));
        int payments = 50;
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(payments);
        List<Future<?>> calls = new ArrayList<>();
        for (int p = 0; p < payments; p++) {
            long paymentId = 89_000 + p;
            calls.add(pool.submit(() -> {
                start.await();
                int status = lock(reservationId, 2071, paymentId).getResponse().getStatus();
                statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(statuses.get(200)).hasValue(1);
        assertThat(statuses.get(409)).hasValue(payments - 1);
        assertThat(statuses).containsOnlyKeys(200, 409);
    }

    @Test
    void shouldShowAnyReservationToOtherServices() throws Exception {
        long reservationId = hold(2081, CatalogStub.seatId(13, 1));

        MvcResult result = mvc.perform(get("/internal/reservations/{id}", reservationId)).andReturn();
        MvcResult unknown = mvc.perform(get("/internal/reservations/{id}", reservationId + 1_000_000)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        Contracts.assertMatches("reservation-service/reservation-answer", body(result).path("data"));
        assertThat(body(result).path("data").path("userId").asLong()).isEqualTo(2081);
        assertThat(body(result).path("data").path("status").asString()).isEqualTo("HELD");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("RESERVATION_NOT_FOUND");
    }

    /** Race 2: the unlock of a payment that timed out arrives first and finds nothing; its late lock is refused. */
    @Test
    void shouldRefuseALateLockOfAPaymentThatGaveTheReservationUp() throws Exception {
        long reservationId = hold(2091, CatalogStub.seatId(12, 11));

        MvcResult givenUp = unlock(reservationId, 88_091);
        MvcResult late = lock(reservationId, 2091, 88_091);

        assertThat(givenUp.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(givenUp).path("data").path("status").asString()).isEqualTo("HELD");
        assertThat(late.getResponse().getStatus()).isEqualTo(409);
        assertThat(errorCode(late)).isEqualTo("PAYMENT_LOCK_REFUSED");
        assertThat(statusOf(reservationId)).isEqualTo("HELD");
        assertThat(lock(reservationId, 2091, 88_092).getResponse().getStatus()).as("a new payment").isEqualTo(200);
    }

    @Test
    void shouldRefuseTheLateLockEvenWhenTheUnlockFoundAnotherPaymentsLock() throws Exception {
        long reservationId = hold(2093, CatalogStub.seatId(12, 12));
        lock(reservationId, 2093, 88_093);

        MvcResult givenUp = unlock(reservationId, 88_094);
        unlock(reservationId, 88_093);
        MvcResult late = lock(reservationId, 2093, 88_094);

        assertThat(errorCode(givenUp)).isEqualTo("RESERVATION_LOCKED");
        assertThat(errorCode(late)).isEqualTo("PAYMENT_LOCK_REFUSED");
        assertThat(statusOf(reservationId)).isEqualTo("HELD");
    }
}
