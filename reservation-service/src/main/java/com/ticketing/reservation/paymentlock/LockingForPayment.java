package com.ticketing.reservation.paymentlock;

import com.ticketing.common.auth.RoomAdmission;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.reservation.ReservationErrors;
import com.ticketing.reservation.config.ReservationProperties;
import com.ticketing.reservation.domain.Reservation;
import com.ticketing.reservation.domain.ReservationRefused;
import com.ticketing.reservation.domain.persistence.ReservationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * payment-service's side of the saga: lock a held reservation for one payment (owner check, not expired) and
 * release the lock again. Both run under the reservation's row lock, so they are decided one at a time
 * against each other and against the sweeper; both are idempotent per payment id.
 *
 * <p>A lock is taken only for a payer admitted to the reservation's schedule's waiting room ({@code payer}, the
 * room payment-service was called through): another room's payment gets 403 {@code QUEUE_NOT_ADMITTED} and no lock.
 *
 * <p>The fence: an unlock means the payment gave the reservation up, so it also refuses every later lock by that
 * payment ({@code refused_payment_lock}). A lock request still on its way when payment-service gave up (its
 * answer timed out) is decided after the unlock and refused with {@code PAYMENT_LOCK_REFUSED}, instead of leaving
 * the reservation PAYING for a payment that is over.
 */
@Service
public class LockingForPayment {

    private final ReservationStore store;
    private final Clock clock;
    private final Duration checkPaymentAfter;

    public LockingForPayment(ReservationStore store, Clock clock, ReservationProperties props) {
        this.store = store;
        this.clock = clock;
        this.checkPaymentAfter = props.paying().checkAfter();
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Reservation lock(long reservationId, long userId, long paymentId, RoomAdmission payer) {
        Reservation r = store.findForUpdate(reservationId)
                .filter(found -> found.isOwnedBy(userId)) // someone else's reservation does not exist for you
                .orElseThrow(LockingForPayment::notFound);
        payer.requireSchedule(r.scheduleId()); // another schedule's room: 403, nothing locked or recorded
        Instant now = clock.instant();
        try {
            if (store.areLocksRefused(paymentId)) {
                throw new ReservationRefused(ReservationRefused.Reason.LOCK_REFUSED,
                        "payment " + paymentId + " gave this reservation up");
            }
            if (r.lockForPayment(paymentId, now)) {
                store.update(r, now, now.plus(checkPaymentAfter)); // with its payment check, one statement
            }
        } catch (ReservationRefused refused) {
            throw asRefusal(refused);
        }
        return r;
    }

    /**
     * {@code PAYING → HELD}, or {@code EXPIRED} (seat freed, event) when its time ran out meanwhile; and from now on
     * no lock by {@code paymentId}. The refusal is recorded even when the answer is a 409 (another payment's lock,
     * or paid by this payment), hence no rollback for {@link Refusal}.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED, noRollbackFor = Refusal.class)
    public Reservation unlock(long reservationId, long paymentId) {
        Reservation r = store.findForUpdate(reservationId).orElseThrow(LockingForPayment::notFound);
        Instant now = clock.instant();
        store.refuseLocksOf(paymentId, reservationId, now);
        try {
            if (r.unlock(paymentId, now) != Reservation.Unlocked.NOTHING_TO_RELEASE) {
                store.update(r, now); // with ReservationExpired when its time ran out meanwhile
            }
        } catch (ReservationRefused refused) {
            throw asRefusal(refused);
        }
        return r;
    }

    @Transactional(readOnly = true)
    public Reservation find(long reservationId) {
        return store.find(reservationId).orElseThrow(LockingForPayment::notFound);
    }

    private static Refusal notFound() {
        return Refusal.notFound(ReservationErrors.RESERVATION_NOT_FOUND, "no such reservation");
    }

    static Refusal asRefusal(ReservationRefused refused) {
        return switch (refused.reason()) {
            case LOCKED_BY_OTHER_PAYMENT -> Refusal.conflict(ReservationErrors.RESERVATION_LOCKED, refused.getMessage());
            case ALREADY_CONFIRMED -> Refusal.conflict(ReservationErrors.RESERVATION_ALREADY_CONFIRMED, refused.getMessage());
            case LOCK_REFUSED -> Refusal.conflict(ReservationErrors.PAYMENT_LOCK_REFUSED, refused.getMessage());
            case EXPIRED, CANCELLED, CONFIRMED_BY_OTHER_PAYMENT, NOT_LOCKED, NOT_EXPIRABLE ->
                    Refusal.conflict(ReservationErrors.RESERVATION_NOT_PAYABLE, refused.getMessage());
        };
    }
}
