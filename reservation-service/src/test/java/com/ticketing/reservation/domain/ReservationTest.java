package com.ticketing.reservation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The domain object's own rules, without Spring or a database. */
class ReservationTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);

    private static Reservation held() {
        return Reservation.hold(1, 2, 51, 1, 50_000, T0, HOLD).stored(10);
    }

    @Test
    void shouldHoldForTheGivenDurationAndOccupyTheSeat() {
        Reservation r = held();

        assertThat(r.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(r.expiresAt()).isEqualTo(T0.plus(HOLD));
        assertThat(r.activeSeatId()).isEqualTo(51);
    }

    @Test
    void shouldLockHeldThenConfirmByTheSamePayment() {
        Reservation r = held();

        assertThat(r.lockForPayment(7, T0.plusSeconds(10))).isTrue();
        assertThat(r.lockForPayment(7, T0.plusSeconds(11))).isFalse();
        assertThat(r.confirm(7)).isTrue();
        assertThat(r.confirm(7)).isFalse();

        assertThat(r.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(r.activeSeatId()).isEqualTo(51);
    }

    @Test
    void shouldRefuseToLockAHeldReservationAtOrAfterItsExpiry() {
        Reservation r = held();

        assertThatThrownBy(() -> r.lockForPayment(7, T0.plus(HOLD)))
                .isInstanceOfSatisfying(ReservationRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(ReservationRefused.Reason.EXPIRED));
        assertThat(r.status()).isEqualTo(ReservationStatus.HELD);
    }

    @Test
    void shouldRefuseASecondPaymentAndConfirmationByAnotherPayment() {
        Reservation r = held();
        r.lockForPayment(7, T0);

        assertThatThrownBy(() -> r.lockForPayment(8, T0)).isInstanceOfSatisfying(ReservationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ReservationRefused.Reason.LOCKED_BY_OTHER_PAYMENT));
        assertThatThrownBy(() -> r.confirm(8)).isInstanceOf(ReservationRefused.class);
        assertThat(r.paymentId()).isEqualTo(7);
    }

    @Test
    void shouldUnlockBackToHeldOrToExpiredWhenTimeRanOut() {
        Reservation early = held();
        early.lockForPayment(7, T0);
        Reservation late = held();
        late.lockForPayment(7, T0);

        assertThat(early.unlock(7, T0.plusSeconds(60))).isEqualTo(Reservation.Unlocked.HELD_AGAIN);
        assertThat(late.unlock(7, T0.plus(HOLD).plusSeconds(1))).isEqualTo(Reservation.Unlocked.EXPIRED);

        assertThat(early.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(early.paymentId()).isNull();
        assertThat(late.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(late.activeSeatId()).isNull();
        assertThat(early.unlock(7, T0.plusSeconds(61))).isEqualTo(Reservation.Unlocked.NOTHING_TO_RELEASE);
    }

    @Test
    void shouldRefuseToUnlockAnotherPaymentsLockOrAPaidReservation() {
        Reservation r = held();
        r.lockForPayment(7, T0);

        assertThatThrownBy(() -> r.unlock(8, T0)).isInstanceOf(ReservationRefused.class);
        r.confirm(7);
        assertThatThrownBy(() -> r.unlock(7, T0)).isInstanceOfSatisfying(ReservationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ReservationRefused.Reason.ALREADY_CONFIRMED));
        assertThat(r.unlock(8, T0)).as("another payment holds no lock of a paid reservation")
                .isEqualTo(Reservation.Unlocked.NOTHING_TO_RELEASE);
    }

    @Test
    void shouldExpireOnlyAHeldReservationPastItsTime() {
        Reservation notYet = held();
        Reservation locked = held();
        locked.lockForPayment(7, T0);
        Reservation due = held();

        assertThatThrownBy(() -> notYet.expire(T0.plusSeconds(299))).isInstanceOf(ReservationRefused.class);
        assertThatThrownBy(() -> locked.expire(T0.plus(Duration.ofHours(1)))).isInstanceOf(ReservationRefused.class);
        due.expire(T0.plus(HOLD));

        assertThat(due.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(due.activeSeatId()).isNull();
        assertThat(locked.status()).isEqualTo(ReservationStatus.PAYING);
    }

    @Test
    void shouldRefuseToConfirmWithoutALockOrAfterExpiry() {
        Reservation notLocked = held();
        Reservation expired = held();
        expired.expire(T0.plus(HOLD));

        assertThatThrownBy(() -> notLocked.confirm(7)).isInstanceOfSatisfying(ReservationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ReservationRefused.Reason.NOT_LOCKED));
        assertThatThrownBy(() -> expired.confirm(7)).isInstanceOfSatisfying(ReservationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ReservationRefused.Reason.EXPIRED));
        assertThatThrownBy(() -> expired.lockForPayment(7, T0)).isInstanceOf(ReservationRefused.class);
    }

    @Test
    void shouldCancelALockedReservationAndFreeTheSeat() {
        Reservation r = held();
        r.lockForPayment(7, T0);

        r.cancel();

        assertThat(r.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(r.activeSeatId()).isNull();
        assertThatThrownBy(r::cancel).isInstanceOf(ReservationRefused.class);
    }

    @Test
    void shouldRegisterOneEventPerTransitionOthersMustHearOf() {
        Reservation r = held();
        assertThat(r.pullEvents()).containsExactly(
                new ReservationEvent.SeatHeld(10, 1, 2, 51, 50_000, T0.plus(HOLD)));

        r.lockForPayment(7, T0.plusSeconds(10));
        assertThat(r.pullEvents()).as("a lock is saga-internal: no event").isEmpty();
        r.confirm(7);
        r.confirm(7);
        assertThat(r.pullEvents()).as("a repeated confirmation registers nothing")
                .containsExactly(new ReservationEvent.ReservationConfirmed(10, 1, 2, 51, 7));
        assertThat(r.pullEvents()).as("pulled events are forgotten").isEmpty();
    }

    @Test
    void shouldRegisterExpiryWhetherTheSweeperOrAnUnlockEndsTheHold() {
        Reservation swept = held();
        swept.pullEvents();
        swept.expire(T0.plus(HOLD));
        assertThat(swept.pullEvents()).containsExactly(new ReservationEvent.ReservationExpired(10, 1, 2, 51));

        Reservation unlocked = held();
        unlocked.lockForPayment(7, T0.plusSeconds(10));
        unlocked.pullEvents();
        assertThat(unlocked.unlock(7, T0.plus(HOLD))).isEqualTo(Reservation.Unlocked.EXPIRED);
        assertThat(unlocked.pullEvents()).containsExactly(new ReservationEvent.ReservationExpired(10, 1, 2, 51));
    }

    @Test
    void shouldRegisterCancellationAndNothingForARefusedTransition() {
        Reservation r = held();
        r.pullEvents();
        r.cancel();
        assertThatThrownBy(r::cancel).isInstanceOf(ReservationRefused.class);
        assertThat(r.pullEvents()).containsExactly(new ReservationEvent.ReservationCancelled(10, 1, 2, 51));
    }
}
