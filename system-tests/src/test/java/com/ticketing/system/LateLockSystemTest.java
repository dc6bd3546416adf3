package com.ticketing.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, race 2 on the real stack: a lock request that reaches reservation-service after payment-service gave
 * up on it.
 *
 * <p>reservation-service holds every {@code /internal/reservations/} request arriving in the next 3 s for 15 s. The
 * payment's lock is one of them: payment-service's 3 s read timeout passes, the payment fails with its lock
 * "maybe held" and answers 503. Its reconciler unlocks 5 s later, when the fault is over; the unlock finds nothing
 * to release but records the payment's locks as refused. When the held lock finally runs, it is refused
 * ({@code PAYMENT_LOCK_REFUSED}): the reservation stays HELD, never PAYING for a payment that is over, and is paid
 * by the next payment.
 */
class LateLockSystemTest {

    private static final String LOCK_URI = "uri:/internal/reservations/{reservationId}/payment-lock";

    @AfterEach
    void clearFaults() {
        Fences.clearFault(Fences.RESERVATION_SERVICE);
    }

    @Test
    void shouldRefuseALockThatArrivesAfterThePaymentGaveTheReservationUp() {
        Purchases.Buyer buyer = Purchases.buyer();
        long reservationId = buyer.hold().reservationId();
        double refusedLocksBefore = refusedLocks();

        Fences.slowDown(Fences.RESERVATION_SERVICE, 15_000, "/internal/reservations/", 3);
        long sentAt = System.currentTimeMillis();
        Gateway.Response paid = Purchases.pay(buyer.token(), reservationId);

        assertThat(paid.status()).as(paid.raw()).isEqualTo(503);
        assertThat(paid.raw()).doesNotContain("Exception");
        List<Long> payments = Fences.paymentIdsOf(reservationId);
        assertThat(payments).as("the payment of reservation " + reservationId).hasSize(1);
        long paymentId = payments.get(0);

        // The held lock reaches reservation-service 15 s after it was sent, after the reconciler's unlock.
        Gateway.await("the late lock answered 409 by reservation-service", Duration.ofSeconds(30),
                () -> refusedLocks() >= refusedLocksBefore + 1);
        long lateLockAfter = System.currentTimeMillis() - sentAt;
        JsonNode reservation = Fences.reservation(reservationId);
        assertThat(reservation.path("status").asText()).as("never PAYING for a dead payment: " + reservation)
                .isEqualTo("HELD");
        assertThat(Purchases.reservationStatus(buyer.token(), reservationId)).isEqualTo("HELD");
        JsonNode payment = Fences.payment(paymentId);
        assertThat(payment.path("status").asText()).as(payment.toString()).isEqualTo("FAILED");
        assertThat(payment.path("failureCode").asText()).isEqualTo("RESERVATION_SERVICE_UNAVAILABLE");
        assertThat(payment.path("holdsReservation").asBoolean()).isFalse();
        assertThat(Purchases.balance(buyer.token())).isEqualTo(buyer.balance());

        Gateway.Response again = Purchases.pay(buyer.token(), reservationId);
        assertThat(again.status()).as("paying again: " + again.raw()).isEqualTo(200);
        assertThat(Purchases.balance(buyer.token())).isEqualTo(buyer.balance() - buyer.hold().price());
        Gateway.await("reservation CONFIRMED", Duration.ofSeconds(60),
                () -> "CONFIRMED".equals(Purchases.reservationStatus(buyer.token(), reservationId)));
        assertThat(Fences.reservation(reservationId).path("paymentId").asLong())
                .isEqualTo(again.data().path("paymentId").asLong());

        Fences.assertNoMoneyTakenWithoutTicket(buyer.userId(), reservationId);
        Fences.CheckRun check = Fences.assertReconciled(60);
        System.out.printf("late lock (held 15 s): 503 in %d ms; payment %d FAILED/%s, lock released by the "
                        + "reconciler; the late lock refused %d ms after it was sent; reservation HELD, then paid "
                        + "again (200); reconcile-check: %s%n", paid.millis(), paymentId,
                payment.path("failureCode").asText(), lateLockAfter, LateDebitSystemTest.lastLine(check));
    }

    /** The lock requests reservation-service answered 409 (refused), from its HTTP server metrics. */
    private static double refusedLocks() {
        return Fences.counter(Fences.RESERVATION_SERVICE, "http.server.requests", LOCK_URI, "method:POST",
                "status:409");
    }
}
