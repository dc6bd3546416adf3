package com.ticketing.user;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;

/**
 * The error codes of user-service beyond the shared {@link ErrorCodes}, and the refusals its use cases throw
 * (protocol-free: {@code common.web.RefusalHandler} renders them once).
 */
public final class UserErrors {

    // sign-up
    public static final String USERNAME_TAKEN = "USERNAME_TAKEN";

    // login: an account or client address over its failed-login limit (429, written by the login filter)
    public static final String LOGIN_RATE_LIMITED = "LOGIN_RATE_LIMITED";

    // balance
    public static final String BALANCE_LIMIT_EXCEEDED = "BALANCE_LIMIT_EXCEEDED";
    public static final String PAYMENT_ID_CONFLICT = "PAYMENT_ID_CONFLICT";
    public static final String DEBIT_NOT_FOUND = "DEBIT_NOT_FOUND";
    public static final String REFUND_EXCEEDS_DEBIT = "REFUND_EXCEEDS_DEBIT";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** A debit of a payment id that payment-service has voided: refused, nothing changed. */
    public static final String PAYMENT_VOIDED = "PAYMENT_VOIDED";
    /** A void of a payment id whose debit was taken first: the payment must complete. */
    public static final String DEBIT_EXISTS = "DEBIT_EXISTS";

    private UserErrors() {
    }

    public static Refusal invalid(String message) {
        return Refusal.invalid(ErrorCodes.VALIDATION_FAILED, message);
    }

    public static Refusal usernameTaken() {
        return Refusal.conflict(USERNAME_TAKEN, "this username is taken");
    }

    public static Refusal userNotFound(long userId) {
        return Refusal.notFound(ErrorCodes.USER_NOT_FOUND, "user " + userId + " does not exist");
    }

    public static Refusal invalidAmount(String message) {
        return invalid(message);
    }

    public static Refusal balanceLimitExceeded(long maxBalance) {
        return Refusal.conflict(BALANCE_LIMIT_EXCEEDED,
                "the charge would take the balance above the maximum of " + maxBalance + " won");
    }

    public static Refusal insufficientBalance() {
        return Refusal.conflict(ErrorCodes.INSUFFICIENT_BALANCE, "the balance does not cover the amount");
    }

    public static Refusal paymentIdConflict(long paymentId) {
        return Refusal.conflict(PAYMENT_ID_CONFLICT,
                "payment " + paymentId + " was already used with another user or amount");
    }

    public static Refusal idempotencyKeyReused() {
        return Refusal.conflict(IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a charge of another amount");
    }

    public static Refusal debitNotFound(long userId, long paymentId) {
        return Refusal.notFound(DEBIT_NOT_FOUND, "no debit of payment " + paymentId + " for user " + userId);
    }

    public static Refusal refundExceedsDebit(long debited) {
        return Refusal.conflict(REFUND_EXCEEDS_DEBIT, "a refund cannot exceed the debit of " + debited + " won");
    }

    public static Refusal paymentVoided(long paymentId) {
        return Refusal.conflict(PAYMENT_VOIDED, "payment " + paymentId + " was voided; nothing was debited");
    }

    public static Refusal debitExists(long paymentId) {
        return Refusal.conflict(DEBIT_EXISTS, "payment " + paymentId + " was already debited; it cannot be voided");
    }

    public static Refusal busy() {
        return Refusal.unavailable(ErrorCodes.SERVICE_UNAVAILABLE, "the balance is busy, nothing was changed; retry");
    }
}
