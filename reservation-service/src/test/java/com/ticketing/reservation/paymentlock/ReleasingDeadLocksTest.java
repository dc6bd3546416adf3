package com.ticketing.reservation.paymentlock;

import com.ticketing.common.event.EventTypes;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Race 2's other half: a reservation PAYING for a payment that is over must not stay locked. Once a lock is older
 * than {@code paying.check-after}, reservation-service asks payment-service about its payment and, if it is over
 * (FAILED, REFUNDED or unknown), releases and fences the lock; expiry then applies as usual.
 */
class ReleasingDeadLocksTest extends IntegrationTest {

    private static final Duration PAST_CHECK = Duration.ofSeconds(31);

    @Test
    void shouldReleaseAReservationLockedByAPaymentThatFailed() throws Exception {
        long reservationId = hold(4001, CatalogStub.seatId(15, 1));
        lock(reservationId, 4001, 91_001);
        PAYMENTS.payment(91_001, "FAILED");

        clock.advance(PAST_CHECK);

        await().atMost(Duration.ofSeconds(10)).until(() -> "HELD".equals(statusOf(reservationId)));
        assertThat(PAYMENTS.lookups()).isPositive();
        assertThat(errorCode(lock(reservationId, 4001, 91_001))).as("the dead payment's lock stays refused")
                .isEqualTo("PAYMENT_LOCK_REFUSED");
        assertThat(lock(reservationId, 4001, 91_002).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void shouldExpireAReservationWhoseUnknownPaymentHeldItPastItsTime() throws Exception {
        long reservationId = hold(4011, CatalogStub.seatId(15, 2));
        lock(reservationId, 4011, 91_011); // payment-service never heard of 91_011: 404

        clock.advance(Duration.ofMinutes(6));

        await().atMost(Duration.ofSeconds(10)).until(() -> "EXPIRED".equals(statusOf(reservationId)));
        assertThat(outboxCount(EventTypes.RESERVATION_EXPIRED, reservationId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT active_seat_id FROM reservation WHERE id = ?", Long.class, reservationId))
                .isNull();
    }

    @Test
    void shouldKeepTheLockOfAPaymentStillUnderWay() throws Exception {
        long reservationId = hold(4021, CatalogStub.seatId(15, 3));
        lock(reservationId, 4021, 91_021);
        PAYMENTS.payment(91_021, "DEBIT_UNKNOWN");

        clock.advance(PAST_CHECK);

        await().atMost(Duration.ofSeconds(10)).until(() -> PAYMENTS.lookups() > 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> "PAYING".equals(statusOf(reservationId)));
        PAYMENTS.payment(91_021, "COMPLETED");
        clock.advance(PAST_CHECK);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> "PAYING".equals(statusOf(reservationId)));
    }

    @Test
    void shouldKeepTheLockWhilePaymentServiceCannotBeAskedAndReleaseItOnceItAnswers() throws Exception {
        long reservationId = hold(4031, CatalogStub.seatId(15, 4));
        lock(reservationId, 4031, 91_031);
        PAYMENTS.payment(91_031, "FAILED");
        PAYMENTS.stop();

        clock.advance(PAST_CHECK);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> "PAYING".equals(statusOf(reservationId)));
        PAYMENTS.listen();
        clock.advance(PAST_CHECK);
        await().atMost(Duration.ofSeconds(10)).until(() -> "HELD".equals(statusOf(reservationId)));
    }
}
