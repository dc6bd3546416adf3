package com.ticketing.payment.saga;

import com.ticketing.common.outbox.ProcessedEvents;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.remote.Reply;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.payment.domain.Payment;
import com.ticketing.payment.domain.PaymentIds;
import com.ticketing.payment.domain.PaymentStatus;
import com.ticketing.payment.domain.persistence.PaymentRepository;
import com.ticketing.payment.remote.DebitReceipt;
import com.ticketing.payment.remote.DebitRecord;

import com.ticketing.payment.remote.ReservationLock;
import com.ticketing.payment.remote.ReservationState;
import com.ticketing.payment.remote.Reservations;
import com.ticketing.payment.remote.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

import static com.ticketing.payment.PaymentErrors.*;

/**
 * The payment saga, steps and compensations in one place.
 *
 * <pre>
 * pay:        start PENDING ─▶ lock reservation ─▶ debit balance ─▶ COMPLETED + PaymentCompleted (one tx)
 *                               │ refused: unlock,    │ certainly not sent: unlock, FAILED
 *                               │   FAILED            │ refused: void, unlock, FAILED (void: DEBIT_EXISTS → COMPLETED)
 *                               │ no answer: FAILED,  │ sent, no answer: DEBIT_UNKNOWN
 *                               │   unlock later      │
 * reconcile:  DEBIT_UNKNOWN or stale PENDING ─▶ debit found? COMPLETED
 *                                              : void ─▶ VOID: unlock, FAILED | DEBIT_EXISTS: COMPLETED
 *             FAILED with a lock that may be held ─▶ unlock
 *             REFUNDING ─▶ refund ─▶ REFUNDED + PaymentRefunded (one tx)
 * compensate: ReservationConfirmationFailed ─▶ reservation paid or still locked by this payment? nothing
 *             : COMPLETED → REFUNDING (+ processed event id, one tx) ─▶ refund
 * </pre>
 *
 * <p>Fencing: the saga never decides that a step did not happen without first making it true where the step
 * applies. Before a payment whose debit may have been sent becomes FAILED, user-service voids its payment id (a
 * debit arriving later is refused); every unlock also refuses any later lock by the payment in
 * reservation-service. If the fence cannot be written, the payment stays as it is and the reconciler retries.
 *
 * <p>No database transaction is open while another service is called on the request path; each state change
 * is one short transaction and conditional on the state it starts from. Every remote call is idempotent by
 * payment id, so repeating a step (retry, reconciler) never takes or gives money twice. A request whose payment
 * the reconciler settled meanwhile answers with the payment as it stands ({@link PaymentAnswer}).
 */
@Component
public class PaymentSaga {

    /** The consumer name under which compensations record processed event ids. */
    public static final String COMPENSATION_CONSUMER = "payment-compensation";

    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);
    private static final int START_ATTEMPTS = 3;

    private final PaymentRepository payments;
    private final Reservations reservations;
    private final UserAccounts users;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;
    private final PaymentIds ids;
    private final PaymentMetrics metrics;

    public PaymentSaga(PaymentRepository payments, Reservations reservations, UserAccounts users,
                       ProcessedEvents processed, TransactionTemplate tx, PaymentIds ids,
                       PaymentMetrics metrics) {
        this.payments = payments;
        this.reservations = reservations;
        this.users = users;
        this.processed = processed;
        this.tx = tx;
        this.ids = ids;
        this.metrics = metrics;
    }

    // ------------------------------------------------------------------ forward: paying a reservation

    /**
     * Pays {@code reservationId} for {@code userId} from their balance.
     *
     * @param idempotencyKey optional; a repeat with the same key answers the first completed payment again
     * @param roomId         the waiting room the payer was admitted to; reservation-service locks the reservation only
     *                       if its schedule is that room's (403 {@code QUEUE_NOT_ADMITTED} otherwise: the payment
     *                       fails, nothing is debited)
     * @throws Refusal 403/404/409 refusals (passed through from reservation-service and user-service, or
     *                      {@code PAYMENT_IN_PROGRESS} / {@code ALREADY_PAID}), 503 when a service is unavailable
     *                      or the debit's outcome is unknown
     */
    public PaymentReceipt pay(long userId, long reservationId, String idempotencyKey, long roomId) {
        Started started = start(userId, reservationId, idempotencyKey);
        if (started.replay() != null) {
            return started.replay();
        }
        try {
            return pay(started.payment(), roomId);
        } catch (MovedMeanwhile moved) {
            // The reconciler took this payment for abandoned while its request was still running and settled it.
            Payment now = payments.find(moved.paymentId).orElseThrow();
            log.info("{} was settled by the reconciler while its request ran", now);
            if (now.status() == PaymentStatus.COMPLETED) {
                return receipt(now);
            }
            throw PaymentAnswer.of(now);
        }
    }

    private PaymentReceipt pay(Payment payment, long roomId) {
        long userId = payment.userId();
        long reservationId = payment.reservationId();

        // A step whose breaker is open would be rejected: refuse now, before the reservation is locked only to
        // be unlocked again. No log line per refusal: the breaker logged its opening once.
        String rejecting = reservations.rejecting() ? "reservation-service" : users.rejecting() ? "user-service" : null;
        if (rejecting != null) {
            fail(payment, rejecting.equals("user-service") ? USER_SERVICE_UNAVAILABLE : RESERVATION_SERVICE_UNAVAILABLE,
                    false);
            throw Refusal.unavailable(ErrorCodes.SERVICE_UNAVAILABLE, rejecting + " is unavailable, try again shortly");
        }

        // Step 1: lock the reservation for this payment, if the payer's room is its schedule's; it learns the price.
        Reply<ReservationLock> lock = reservations.lock(reservationId, userId, payment.id(), roomId);
        if (lock instanceof Reply.Rejected<ReservationLock> refused) {
            // An earlier attempt of the call may still be on its way: the unlock refuses it too.
            failAndRelease(payment, refused.code());
            throw refused.asRefusal();
        }
        if (lock instanceof Reply.Unavailable<ReservationLock> down) {
            // If the lock may have been taken, the reconciler releases (and fences) it; no second wait here.
            fail(payment, RESERVATION_SERVICE_UNAVAILABLE, down.mayHaveApplied());
            throw unavailable("reservation-service", down);
        }
        ReservationLock locked = ((Reply.Ok<ReservationLock>) lock).body();
        if (locked.price() <= 0 || locked.userId() != userId || locked.reservationId() != reservationId) {
            log.error("reservation-service answered an unusable lock for {}: {}", payment, locked);
            failAndRelease(payment, INVALID_LOCK_ANSWER);
            throw Refusal.unavailable(ErrorCodes.SERVICE_UNAVAILABLE, "reservation-service answered unexpectedly");
        }
        payment = save(payment.priced(locked.price(), locked.scheduleId()), PaymentStatus.PENDING);

        // Step 2: debit the balance (idempotent by payment id, retried by the client).
        Reply<DebitReceipt> debit = users.debit(userId, payment.id(), payment.amount());
        if (debit instanceof Reply.Ok<DebitReceipt> ok) {
            return completeAnswering(payment, ok.body().balance());
        }
        if (debit instanceof Reply.Rejected<DebitReceipt> refused) {
            if (PAYMENT_VOIDED.equals(refused.code())) {
                throw new MovedMeanwhile(payment.id()); // the reconciler gave this debit up already
            }
            // This attempt took nothing, but an earlier attempt of the call may still be running: fence it.
            Decided decided = voidAndFail(payment, refused.code());
            if (decided == Decided.FAILED) {
                throw refused.asRefusal();
            }
            if (decided == Decided.COMPLETED) {
                metrics.outcome("completed");
                return receipt(payments.find(payment.id()).orElseThrow());
            }
            throw unknownOutcome(payment, "the refused debit could not be fenced");
        }
        Reply.Unavailable<DebitReceipt> down = (Reply.Unavailable<DebitReceipt>) debit;
        if (!down.mayHaveApplied()) {
            failAndRelease(payment, USER_SERVICE_UNAVAILABLE);
            throw unavailable("user-service", down);
        }
        // Step 2': the debit may or may not have happened. Never guess: the reconciler settles it.
        throw unknownOutcome(payment, down.reason());
    }

    private PaymentAnswer unknownOutcome(Payment payment, String reason) {
        Payment unknown = save(payment.debitOutcomeUnknown(), PaymentStatus.PENDING);
        metrics.outcome("debit_unknown");
        log.warn("Debit outcome of {} unknown ({}); the reconciler resolves it", payment, reason);
        return PaymentAnswer.of(unknown);
    }

    /** Step 0: the PENDING row. Its unique live-reservation key makes concurrent duplicates lose here. */
    private Started start(long userId, long reservationId, String idempotencyKey) {
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            Payment payment = Payment.start(ids.next(), userId, reservationId, idempotencyKey);
            try {
                payments.insert(payment);
                return new Started(payment, null);
            } catch (DuplicateKeyException duplicate) {
                if (idempotencyKey != null) {
                    Optional<Payment> first = payments.findByIdempotencyKey(userId, idempotencyKey);
                    if (first.isPresent()) {
                        return new Started(null, replay(first.get(), reservationId));
                    }
                }
                Optional<Payment> live = payments.findLiveForReservation(reservationId);
                if (live.isPresent()) {
                    metrics.outcome("duplicate");
                    throw duplicateOf(live.get(), userId);
                }
                // The conflicting payment ended meanwhile, or the random id was taken: try again.
            }
        }
        metrics.outcome("duplicate");
        throw Refusal.conflict(PAYMENT_IN_PROGRESS, "the reservation is being paid");
    }

    private static Refusal duplicateOf(Payment live, long userId) {
        if (live.userId() != userId) {
            // Someone else's reservation: answer as reservation-service would, nothing leaks.
            return Refusal.notFound(RESERVATION_NOT_FOUND, "reservation not found");
        }
        return live.status().wasCompleted()
                ? Refusal.conflict(ALREADY_PAID, "the reservation is already paid")
                : Refusal.conflict(PAYMENT_IN_PROGRESS, "the reservation is being paid");
    }

    private PaymentReceipt replay(Payment first, long reservationId) {
        if (first.reservationId() != reservationId) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, IDEMPOTENCY_KEY_REUSED,
                    "the Idempotency-Key was used for another reservation");
        }
        if (!first.status().wasCompleted()) {
            throw Refusal.conflict(PAYMENT_IN_PROGRESS, "the payment with this Idempotency-Key is under way");
        }
        return receipt(first);
    }

    private PaymentReceipt completeAnswering(Payment payment, Long balance) {
        Optional<Payment> completed = complete(payment, balance);
        if (completed.isPresent()) {
            metrics.outcome("completed");
            return receipt(completed.get());
        }
        // Only the reconciler moves a PENDING payment, and only one that looked abandoned; while it holds the
        // payment the request does not wait for it and answers the payment as it stands (it is being settled, and
        // the reconciler finds this debit). If it completed it, fine. It fails a payment only after user-service voided its debit, so a debit that went through cannot
        // belong to a FAILED payment; should it ever, the money goes back rather than stay taken without a ticket.
        Payment now = payments.find(payment.id()).orElseThrow();
        if (now.status() == PaymentStatus.COMPLETED) {
            metrics.outcome("completed");
            return receipt(now);
        }
        if (now.status() == PaymentStatus.FAILED) {
            log.error("{} was debited although it is FAILED (the void did not hold); refunding the debit", now);
            Reply<DebitReceipt> refund = users.refund(payment.userId(), payment.id(), payment.amount());
            if (!(refund instanceof Reply.Ok)) {
                log.error("Refund of the late debit of {} failed: {} (needs manual correction)", now, refund);
            }
        }
        metrics.outcome(now.status() == PaymentStatus.PENDING || now.status() == PaymentStatus.DEBIT_UNKNOWN
                ? "debit_unknown" : "failed");
        throw PaymentAnswer.of(now);
    }

    /**
     * COMPLETED and PaymentCompleted in one transaction; empty when the payment was moved meanwhile, or is being
     * settled by the reconciler right now (its row lock; it completes the payment itself once it finds the debit).
     */
    private Optional<Payment> complete(Payment payment, Long balance) {
        Payment done = payment.complete(balance);
        try {
            // One transaction: the payment and the PaymentCompleted it carries.
            return Optional.ofNullable(tx.execute(status -> payments.update(done, payment.status()) ? done : null));
        } catch (PessimisticLockingFailureException settling) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ compensations

    /** Unlocks the reservation (best effort now, else the reconciler retries) and fails the payment. */
    private void failAndRelease(Payment payment, String code) {
        boolean released = release(payment);
        fail(payment, code, !released);
    }

    private void fail(Payment payment, String code, boolean lockMayBeHeld) {
        save(payment.fail(code, lockMayBeHeld), payment.status());
        metrics.outcome("failed");
    }

    /** Asks reservation-service to drop the lock this payment may hold; true when it certainly holds none now. */
    private boolean release(Payment payment) {
        Reply<Object> unlock = reservations.unlock(payment.reservationId(), payment.id());
        if (unlock instanceof Reply.Ok) {
            return true;
        }
        if (unlock instanceof Reply.Rejected<Object> refused) {
            // A definitive answer that this payment holds no lock: no such reservation (404), or it is locked
            // by / confirmed for another payment (409). Nothing of ours is left to release.
            log.info("Unlock of reservation {} for {} refused ({}): no lock of this payment remains",
                    payment.reservationId(), payment, refused.code());
            return true;
        }
        log.warn("Could not unlock reservation {} of {} ({}); the reconciler retries", payment.reservationId(),
                payment, unlock);
        return false;
    }

    /**
     * Starts the refund of a payment whose reservation could not be confirmed, once reservation-service confirms the
     * fact: a refund follows the reservation's state, not the message. If the reservation is paid by this payment,
     * or still locked by it (its PaymentCompleted not consumed yet, so a real failure cannot have been reported),
     * the event is forged or mistaken: recorded, logged, nothing refunded. If reservation-service does not answer,
     * {@link RefundNotVerified} makes the consumer retry the event later.
     *
     * <p>The processed event id and the move to REFUNDING commit together, so a replayed event refunds nothing more;
     * the refund itself follows at once and, should user-service be down, the reconciler repeats it (idempotent by
     * payment id) until done.
     */
    public void compensate(String eventId, long paymentId, long reservationId, String reason) {
        Optional<Payment> claimed = payments.find(paymentId)
                .filter(p -> p.reservationId() == reservationId && p.status() == PaymentStatus.COMPLETED);
        if (claimed.isPresent() && reservationStillPaidBy(paymentId, reservationId)) {
            log.warn("ReservationConfirmationFailed {} for payment {}: reservation {} is paid or locked by it; "
                    + "nothing refunded", eventId, paymentId, reservationId);
            tx.executeWithoutResult(status -> processed.firstTime(COMPENSATION_CONSUMER, eventId));
            metrics.refund("refused");
            return;
        }
        Payment refunding = tx.execute(status -> {
            if (!processed.firstTime(COMPENSATION_CONSUMER, eventId)) {
                return null; // replay
            }
            Optional<Payment> found = payments.findForUpdate(paymentId);
            if (found.isEmpty() || found.get().reservationId() != reservationId) {
                log.warn("ReservationConfirmationFailed {} names payment {} of reservation {}, which is not ours",
                        eventId, paymentId, reservationId);
                return null;
            }
            Payment payment = found.get();
            if (payment.status() != PaymentStatus.COMPLETED) {
                return null; // already refunding or refunded (another event), or never took money
            }
            Payment next = payment.startRefund(reason == null ? "reservation could not be confirmed" : reason);
            payments.update(next, PaymentStatus.COMPLETED);
            return next;
        });
        if (refunding != null) {
            refund(refunding);
        }
    }

    /** Asks reservation-service whether {@code paymentId} paid the reservation or may still confirm it. */
    private boolean reservationStillPaidBy(long paymentId, long reservationId) {
        Reply<ReservationState> reservation = reservations.find(reservationId);
        if (reservation instanceof Reply.Ok<ReservationState> ok) {
            return ok.body().mayBeConfirmedBy(paymentId);
        }
        if (reservation instanceof Reply.Rejected<ReservationState> refused && refused.kind() == Refusal.Kind.NOT_FOUND) {
            return false; // no such reservation: nothing of it is paid
        }
        throw new RefundNotVerified("cannot verify with reservation-service that reservation " + reservationId
                + " is not paid by payment " + paymentId + ": " + reservation);
    }

    /** reservation-service could not confirm the facts a refund rests on; the event is retried later. */
    public static final class RefundNotVerified extends RuntimeException {
        RefundNotVerified(String message) {
            super(message, null, false, false);
        }
    }

    /** Gives the money of a REFUNDING payment back; REFUNDED and PaymentRefunded in one transaction. */
    private boolean refund(Payment payment) {
        Reply<DebitReceipt> refund = users.refund(payment.userId(), payment.id(), payment.amount());
        if (!(refund instanceof Reply.Ok)) {
            log.warn("Refund of {} not done yet ({}); the reconciler retries", payment, refund);
            payments.postpone(payment.id());
            metrics.refund("deferred");
            return false;
        }
        Payment done = payment.refunded();
        // One transaction: the payment and the PaymentRefunded it carries.
        Boolean stored = tx.execute(status -> payments.update(done, PaymentStatus.REFUNDING));
        if (Boolean.TRUE.equals(stored)) {
            metrics.refund("refunded");
        }
        return Boolean.TRUE.equals(stored);
    }

    // ------------------------------------------------------------------ reconciliation

    /**
     * Settles the background work of one payment; called by the reconciler inside the transaction that
     * row-locks it, so no other instance works on it meanwhile. Nothing is guessed: what cannot be decided now
     * (a service down) is postponed.
     */
    public void reconcile(Payment payment) {
        switch (payment.status()) {
            case PENDING, DEBIT_UNKNOWN -> resolveDebit(payment);
            case FAILED -> {
                if (payment.reservationLocked()) {
                    releaseLater(payment);
                }
            }
            case REFUNDING -> {
                if (refund(payment)) {
                    metrics.reconciliation("refunded");
                }
            }
            case COMPLETED, REFUNDED -> {
                // nothing left to do
            }
        }
    }

    private void resolveDebit(Payment payment) {
        if (payment.amount() == null) {
            // Abandoned before the debit step: no debit was ever sent for it (only a priced payment is debited,
            // and pricing it is conditional on it still being PENDING).
            failAndRelease(payment, ABANDONED);
            metrics.reconciliation("failed");
            return;
        }
        Decided decided = completeIfDebited(payment, users.findDebit(payment.userId(), payment.id()));
        if (decided == null) {
            decided = voidAndFail(payment, DEBIT_NOT_TAKEN);
        }
        switch (decided) {
            case COMPLETED -> {
                metrics.reconciliation("completed");
                log.info("Reconciled {}: debited, now COMPLETED", payment);
            }
            case FAILED -> {
                metrics.reconciliation("failed");
                log.info("Reconciled {}: not debited, voided, now FAILED", payment);
            }
            case UNDECIDED -> {
                payments.postpone(payment.id());
                metrics.reconciliation("deferred");
            }
        }
    }

    /**
     * Completes the payment if user-service holds its debit. Null when it answered that there is none (the
     * caller then fences); UNDECIDED when it could not tell, or the debit is not what the payment says.
     */
    private Decided completeIfDebited(Payment payment, Reply<DebitRecord> debit) {
        if (debit instanceof Reply.Rejected<DebitRecord> refused && refused.kind() == Refusal.Kind.NOT_FOUND) {
            return null;
        }
        if (!(debit instanceof Reply.Ok<DebitRecord> ok)) {
            log.warn("Cannot resolve the debit of {} yet: {}", payment, debit);
            return Decided.UNDECIDED;
        }
        if (ok.body().refunded()) {
            // Given back already (a late debit of a payment that had failed): nothing of it stands.
            failAndRelease(payment, DEBIT_NOT_TAKEN);
            return Decided.FAILED;
        }
        if (ok.body().amount() != payment.amount()) {
            log.error("Debit of {} is {} but the payment is {}; left for an operator", payment,
                    ok.body().amount(), payment.amount());
            return Decided.UNDECIDED;
        }
        if (complete(payment, null).isEmpty()) {
            throw new MovedMeanwhile(payment.id());
        }
        return Decided.COMPLETED;
    }

    /**
     * The fence for "the debit did not happen": user-service voids the payment id, so no debit of it applies from
     * now on, and only then the payment fails (and its reservation is unlocked). If the debit got there first
     * (DEBIT_EXISTS) the payment completes instead; if user-service does not answer, nothing is decided.
     */
    private Decided voidAndFail(Payment payment, String failureCode) {
        Reply<Object> voided = users.voidDebit(payment.userId(), payment.id());
        if (voided instanceof Reply.Ok) {
            failAndRelease(payment, failureCode);
            return Decided.FAILED;
        }
        if (voided instanceof Reply.Rejected<Object> refused && DEBIT_EXISTS.equals(refused.code())) {
            Decided decided = completeIfDebited(payment, users.findDebit(payment.userId(), payment.id()));
            return decided == null ? Decided.UNDECIDED : decided;
        }
        log.warn("Cannot void the debit of {} yet: {}", payment, voided);
        return Decided.UNDECIDED;
    }

    private void releaseLater(Payment payment) {
        if (release(payment)) {
            save(payment.lockReleased(), PaymentStatus.FAILED);
            metrics.reconciliation("released");
        } else {
            payments.postpone(payment.id());
            metrics.reconciliation("deferred");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Stores the next state; {@link MovedMeanwhile} if someone else moved the payment or is settling it now. */
    private Payment save(Payment next, PaymentStatus expected) {
        boolean stored;
        try {
            stored = payments.update(next, expected);
        } catch (PessimisticLockingFailureException settling) {
            stored = false; // the reconciler holds the payment: it decides; the request answers what it sees
        }
        if (!stored) {
            throw new MovedMeanwhile(next.id());
        }
        return next;
    }

    private static Refusal unavailable(String service, Reply.Unavailable<?> down) {
        log.warn("{} unavailable: {}", service, down.reason());
        return Refusal.unavailable(ErrorCodes.SERVICE_UNAVAILABLE, service + " is unavailable, try again shortly");
    }

    static PaymentReceipt receipt(Payment payment) {
        return new PaymentReceipt(payment.id(), payment.reservationId(), payment.amount(),
                PaymentStatus.COMPLETED.name(), payment.balanceAfter());
    }

    private record Started(Payment payment, PaymentReceipt replay) {
    }

    /** What settling a debit that may be in flight decided. */
    private enum Decided { COMPLETED, FAILED, UNDECIDED }

    /** The payment is no longer in the state this step started from: someone else (the reconciler) moved it. */
    private static final class MovedMeanwhile extends RuntimeException {
        private final long paymentId;

        MovedMeanwhile(long paymentId) {
            super("payment " + paymentId + " was changed concurrently", null, false, false);
            this.paymentId = paymentId;
        }
    }
}
