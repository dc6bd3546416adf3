package com.ticketing.payment.domain;

import java.util.List;
import java.util.Objects;

/**
 * One attempt to pay one reservation. Immutable: every transition returns the next state and refuses
 * the ones the saga must never make (a failed payment never completes, only a completed one is refunded).
 * The state a transition returns carries the event that transition raised ({@link #events}, ResultWithEvents
 * style), and storing that state writes it: no caller pairs a transition with its event.
 *
 * <p>{@code reservationLocked} is conservative: it is true from the moment the lock request may have reached
 * reservation-service until an unlock (or a definitive refusal of the lock) is confirmed, so a seat is never
 * left locked by a payment that is over.
 */
public final class Payment {

    private final long id;
    private final long userId;
    private final long reservationId;
    private final Long amount;
    /** The reservation's schedule (its waiting room), learnt with the price from the lock; null before. */
    private final Long scheduleId;
    private final PaymentStatus status;
    private final Long balanceAfter;
    private final String idempotencyKey;
    private final boolean reservationLocked;
    private final String failureCode;
    private final String refundReason;
    private final List<PaymentEvent> events;

    private Payment(long id, long userId, long reservationId, Long amount, Long scheduleId, PaymentStatus status,
                    Long balanceAfter, String idempotencyKey, boolean reservationLocked, String failureCode,
                    String refundReason, List<PaymentEvent> events) {
        if (id <= 0 || userId <= 0 || reservationId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        if (amount != null && amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        this.id = id;
        this.userId = userId;
        this.reservationId = reservationId;
        this.amount = amount;
        this.scheduleId = scheduleId;
        this.status = Objects.requireNonNull(status, "status");
        this.balanceAfter = balanceAfter;
        this.idempotencyKey = idempotencyKey;
        this.reservationLocked = reservationLocked;
        this.failureCode = failureCode;
        this.refundReason = refundReason;
        this.events = List.copyOf(events);
    }

    /** A new attempt: the lock request is about to be sent, so the reservation may become locked by it. */
    public static Payment start(long id, long userId, long reservationId, String idempotencyKey) {
        return new Payment(id, userId, reservationId, null, null, PaymentStatus.PENDING, null, idempotencyKey,
                true, null, null, List.of());
    }

    /** Rebuilds a stored payment (persistence only). */
    public static Payment restore(long id, long userId, long reservationId, Long amount, Long scheduleId,
                                  PaymentStatus status, Long balanceAfter, String idempotencyKey,
                                  boolean reservationLocked, String failureCode, String refundReason) {
        return new Payment(id, userId, reservationId, amount, scheduleId, status, balanceAfter, idempotencyKey,
                reservationLocked, failureCode, refundReason, List.of());
    }

    /**
     * The reservation is locked for this payment at {@code price}: that is what the debit will take. {@code scheduleId}
     * is the reservation's schedule, which {@code PaymentCompleted} names (null if the lock did not say).
     */
    public Payment priced(long price, Long scheduleId) {
        require(status == PaymentStatus.PENDING && amount == null, "price a pending payment once");
        return new Payment(id, userId, reservationId, price, scheduleId, status, balanceAfter, idempotencyKey, true,
                failureCode, refundReason, List.of());
    }

    /** The debit is confirmed; {@code balance} is the user's balance after it when known. */
    public Payment complete(Long balance) {
        require(status == PaymentStatus.PENDING || status == PaymentStatus.DEBIT_UNKNOWN, "complete");
        require(amount != null, "complete a payment without an amount");
        return new Payment(id, userId, reservationId, amount, scheduleId, PaymentStatus.COMPLETED, balance,
                idempotencyKey, reservationLocked, null, refundReason,
                List.of(new PaymentEvent.PaymentCompleted(id, reservationId, userId, amount, scheduleId)));
    }

    /** The debit was sent and its outcome not seen. */
    public Payment debitOutcomeUnknown() {
        require(status == PaymentStatus.PENDING && amount != null, "mark the debit unknown");
        return new Payment(id, userId, reservationId, amount, scheduleId, PaymentStatus.DEBIT_UNKNOWN, balanceAfter,
                idempotencyKey, reservationLocked, null, refundReason, List.of());
    }

    /**
     * Over without money taken. The idempotency key is released, so a retry with the same key runs again.
     *
     * @param lockMayBeHeld whether the reservation may still be locked by this payment
     */
    public Payment fail(String code, boolean lockMayBeHeld) {
        require(status == PaymentStatus.PENDING || status == PaymentStatus.DEBIT_UNKNOWN, "fail");
        return new Payment(id, userId, reservationId, amount, scheduleId, PaymentStatus.FAILED, null, null,
                lockMayBeHeld, code, refundReason, List.of());
    }

    /** reservation-service confirmed that this payment holds no lock any more. */
    public Payment lockReleased() {
        return new Payment(id, userId, reservationId, amount, scheduleId, status, balanceAfter, idempotencyKey, false,
                failureCode, refundReason, List.of());
    }

    /** The reservation could not be confirmed: the money must go back. */
    public Payment startRefund(String reason) {
        require(status == PaymentStatus.COMPLETED, "refund");
        return new Payment(id, userId, reservationId, amount, scheduleId, PaymentStatus.REFUNDING, balanceAfter,
                idempotencyKey, reservationLocked, failureCode, reason, List.of());
    }

    /** user-service gave the money back. */
    public Payment refunded() {
        require(status == PaymentStatus.REFUNDING, "finish the refund");
        return new Payment(id, userId, reservationId, amount, scheduleId, PaymentStatus.REFUNDED, balanceAfter,
                idempotencyKey, false, failureCode, refundReason,
                List.of(new PaymentEvent.PaymentRefunded(id, reservationId, userId, amount, refundReason)));
    }

    /** The events of the transition that made this state (none for a restored or started payment). */
    public List<PaymentEvent> events() {
        return events;
    }

    /** Whether background work remains: a debit to resolve, a lock to release or a refund to make. */
    public boolean needsFollowUp() {
        return switch (status) {
            case PENDING, DEBIT_UNKNOWN, REFUNDING -> true;
            case FAILED -> reservationLocked;
            case COMPLETED, REFUNDED -> false;
        };
    }

    private void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("cannot " + what + ": payment " + id + " is " + status);
        }
    }

    public long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public long reservationId() {
        return reservationId;
    }

    public Long amount() {
        return amount;
    }

    public Long scheduleId() {
        return scheduleId;
    }

    public PaymentStatus status() {
        return status;
    }

    public Long balanceAfter() {
        return balanceAfter;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public boolean reservationLocked() {
        return reservationLocked;
    }

    public String failureCode() {
        return failureCode;
    }

    public String refundReason() {
        return refundReason;
    }

    @Override
    public String toString() {
        return "Payment[" + id + ", reservation " + reservationId + ", user " + userId + ", " + status + "]";
    }
}
