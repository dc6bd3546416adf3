package com.ticketing.reservation.confirmation;

import com.ticketing.common.outbox.ProcessedEvents;
import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.ReservationEvent.ReservationConfirmationFailed;
import com.ticketing.reservation.domain.ReservationRefused;
import com.ticketing.reservation.domain.ReservationStatus;
import com.ticketing.reservation.domain.events.ReservationEvents;
import com.ticketing.reservation.domain.persistence.ReservationStore;
import com.ticketing.reservation.faults.ForcedConfirmationFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * Saga step 4 and its compensation trigger. A completed payment confirms the reservation it locked
 * ({@code PAYING → CONFIRMED}, {@code ReservationConfirmed}). When it cannot (the reservation is unknown, expired,
 * cancelled, paid or locked by another payment, not the payer's, the amount differs), it emits
 * {@code ReservationConfirmationFailed} with the reason, and payment-service refunds; a reservation still locked
 * by that very payment is cancelled first, so its seat does not stay locked forever.
 *
 * <p>Exactly once in effect: the event id is claimed in {@code processed_event} in the same transaction as
 * the state change and the outbox write. A replay under a new event id of an already confirmed payment changes
 * nothing and emits nothing.
 */
@Service
public class ConfirmingReservation {

    public static final String CONSUMER = "reservation-confirmation";

    /** Reasons beyond {@link ReservationRefused.Reason}'s names. */
    public static final String RESERVATION_NOT_FOUND = "RESERVATION_NOT_FOUND";
    public static final String USER_MISMATCH = "USER_MISMATCH";
    public static final String AMOUNT_MISMATCH = "AMOUNT_MISMATCH";

    private static final Logger log = LoggerFactory.getLogger(ConfirmingReservation.class);

    private final ProcessedEvents processed;
    private final ReservationStore store;
    private final ReservationEvents events;
    private final ForcedConfirmationFailures forcedFailures;
    private final Clock clock;
    private final Counter confirmed;
    private final Counter failed;

    public ConfirmingReservation(ProcessedEvents processed, ReservationStore store, ReservationEvents events,
                                 ForcedConfirmationFailures forcedFailures, Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.store = store;
        this.events = events;
        this.forcedFailures = forcedFailures;
        this.clock = clock;
        this.confirmed = Counter.builder("reservation.confirmed").description("reservations confirmed").register(meters);
        this.failed = Counter.builder("reservation.confirmation_failed")
                .description("completed payments that could not confirm their reservation").register(meters);
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void onPaymentCompleted(String eventId, PaymentCompleted payment) {
        if (!processed.firstTime(CONSUMER, eventId)) {
            return; // a redelivery: its effect is already committed
        }
        Optional<Reservation> found = store.findForUpdate(payment.reservationId());
        if (found.isEmpty()) {
            fail(payment, null, null, RESERVATION_NOT_FOUND);
            return;
        }
        Reservation r = found.get();
        String refusal = precheck(r, payment);
        if (refusal != null) {
            releaseIfLockedBy(r, payment.paymentId());
            fail(payment, r.scheduleId(), r.seatId(), refusal);
            return;
        }
        try {
            if (r.confirm(payment.paymentId())) {
                store.update(r, clock.instant()); // with its ReservationConfirmed
                confirmed.increment();
            }
        } catch (ReservationRefused refused) {
            fail(payment, r.scheduleId(), r.seatId(), refused.reason().name());
        }
    }

    private String precheck(Reservation r, PaymentCompleted payment) {
        if (!r.isOwnedBy(payment.userId())) {
            return USER_MISMATCH;
        }
        if (payment.amount() != null && payment.amount() != r.price()) {
            return AMOUNT_MISMATCH;
        }
        if (forcedFailures.appliesTo(r.seatId())) {
            return ForcedConfirmationFailures.REASON;
        }
        return null;
    }

    /** The payment will be refunded: a reservation it still locks must not stay locked, so it is cancelled. */
    private void releaseIfLockedBy(Reservation r, long paymentId) {
        if (r.status() == ReservationStatus.PAYING && Long.valueOf(paymentId).equals(r.paymentId())) {
            r.cancel();
            store.update(r, clock.instant()); // with its ReservationCancelled
        }
    }

    private void fail(PaymentCompleted payment, Long scheduleId, Long seatId, String reason) {
        log.info("Payment {} cannot confirm reservation {}: {}", payment.paymentId(), payment.reservationId(), reason);
        events.append(new ReservationConfirmationFailed(payment.reservationId(), payment.userId(),
                scheduleId, seatId, payment.paymentId(), reason));
        failed.increment();
    }
}
