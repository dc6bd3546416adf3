package com.ticketing.payment.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentTest {

    private final Payment started = Payment.start(1, 7, 42, "key");

    @Test
    void shouldHoldTheReservationAndMayLockItFromTheStart() {
        assertThat(started.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(started.status().holdsReservation()).isTrue();
        assertThat(started.reservationLocked()).isTrue();
        assertThat(started.needsFollowUp()).isTrue();
    }

    @Test
    void shouldCompleteOnlyAPricedPendingOrUnknownPayment() {
        assertThatThrownBy(() -> started.complete(10L)).isInstanceOf(IllegalStateException.class);

        Payment completed = started.priced(12_000, 3L).complete(38_000L);
        Payment reconciled = started.priced(12_000, 3L).debitOutcomeUnknown().complete(null);

        assertThat(completed.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(completed.balanceAfter()).isEqualTo(38_000L);
        assertThat(completed.needsFollowUp()).isFalse();
        assertThat(reconciled.status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThatThrownBy(() -> completed.complete(1L)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNeverCompleteAFailedPayment() {
        Payment failed = started.priced(12_000, 3L).fail("INSUFFICIENT_BALANCE", false);

        assertThat(failed.status().holdsReservation()).isFalse();
        assertThat(failed.idempotencyKey()).as("released for a retry").isNull();
        assertThat(failed.needsFollowUp()).isFalse();
        assertThatThrownBy(() -> failed.complete(1L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> failed.startRefund("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldFollowUpAFailedPaymentWhileItsLockMayBeHeld() {
        Payment failed = started.fail("RESERVATION_SERVICE_UNAVAILABLE", true);

        assertThat(failed.needsFollowUp()).isTrue();
        assertThat(failed.lockReleased().needsFollowUp()).isFalse();
    }

    @Test
    void shouldRefundOnlyACompletedPaymentAndOnlyOnce() {
        Payment refunding = started.priced(12_000, 3L).complete(0L).startRefund("RESERVATION_EXPIRED");

        assertThat(refunding.status()).isEqualTo(PaymentStatus.REFUNDING);
        assertThat(refunding.needsFollowUp()).isTrue();
        Payment refunded = refunding.refunded();
        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.status().holdsReservation()).isFalse();
        assertThatThrownBy(refunded::refunded).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> refunded.startRefund("again")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> started.startRefund("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectNonPositiveIdsAndPrices() {
        assertThatThrownBy(() -> Payment.start(0, 7, 42, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Payment.start(1, -7, 42, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> started.priced(0, 3L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> started.priced(5, 3L).priced(6, 3L)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldIssueDistinctGrowingIdsBelowTwoToThe53EvenInABurst() {
        PaymentIds ids = new PaymentIds(java.time.Clock.systemUTC());
        long previous = 0;
        for (int i = 0; i < 50_000; i++) { // more than one second's worth of counter
            long id = ids.next();
            assertThat(id).isGreaterThan(previous).isLessThan(1L << 53);
            previous = id;
        }
    }

    @Test
    void shouldCarryTheEventOfTheTransitionThatMadeIt() {
        Payment completed = started.priced(50_000, 3L).complete(10_000L);
        assertThat(started.events()).isEmpty();
        assertThat(completed.events()).containsExactly(new PaymentEvent.PaymentCompleted(1, 42, 7, 50_000, 3L));

        Payment refunding = completed.startRefund("EXPIRED");
        assertThat(refunding.events()).as("a refund under way tells nobody yet").isEmpty();
        assertThat(refunding.refunded().events())
                .containsExactly(new PaymentEvent.PaymentRefunded(1, 42, 7, 50_000, "EXPIRED"));
    }
}
