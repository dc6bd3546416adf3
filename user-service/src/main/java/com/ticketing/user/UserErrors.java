package com.ticketing.user.balance;

import com.ticketing.common.web.ApiException;
import com.ticketing.common.web.ErrorCodes;
import org.springframework.http.HttpStatus;

/** The errors of the balance endpoints, each with its stable code (the shared ones come from {@link ErrorCodes}). */
public final class BalanceErrors {

    public static final String BALANCE_LIMIT_EXCEEDED = "BALANCE_LIMIT_EXCEEDED";
    public static final String PAYMENT_ID_CONFLICT = "PAYMENT_ID_CONFLICT";
    public static final String DEBIT_NOT_FOUND = "DEBIT_NOT_FOUND";
    public static final String REFUND_EXCEEDS_DEBIT = "REFUND_EXCEEDS_DEBIT";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** A debit of a payment id that payment-service has voided: refused, nothing changed. */
    public static final String PAYMENT_VOIDED = "PAYMENT_VOIDED";
    /** A void of a payment id whose debit was taken first: the payment must complete. */
    public static final String DEBIT_EXISTS = "DEBIT_EXISTS";

    private BalanceErrors() {
    }

    static ApiException userNotFound(long userId) {
        return ApiException.notFound(ErrorCodes.USER_NOT_FOUND, "user " + userId + " does not exist");
    }

    static ApiException invalidAmount(String message) {
        return ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, message);
    }

    static ApiException balanceLimitExceeded(long maxBalance) {
        return ApiException.conflict(BALANCE_LIMIT_EXCEEDED,
                "the charge would take the balance above the maximum of " + maxBalance + " won");
    }

    static ApiException insufficientBalance() {
        return ApiException.conflict(ErrorCodes.INSUFFICIENT_BALANCE, "the balance does not cover the amount");
    }

    static ApiException paymentIdConflict(long paymentId) {
        return ApiException.conflict(PAYMENT_ID_CONFLICT,
                "payment " + paymentId + " was already used with another user or amount");
    }

    static ApiException idempotencyKeyReused() {
        return ApiException.conflict(IDEMPOTENCY_KEY_REUSED,
                "this Idempotency-Key was already used for a charge of another amount");
    }

    static ApiException debitNotFound(long userId, long paymentId) {
        return ApiException.notFound(DEBIT_NOT_FOUND, "no debit of payment " + paymentId + " for user " + userId);
    }

    static ApiException refundExceedsDebit(long debited) {
        return ApiException.conflict(REFUND_EXCEEDS_DEBIT, "a refund cannot exceed the debit of " + debited + " won");
    }

    static ApiException paymentVoided(long paymentId) {
        return ApiException.conflict(PAYMENT_VOIDED, "payment " + paymentId + " was voided; nothing was debited");
    }

    static ApiException debitExists(long paymentId) {
        return ApiException.conflict(DEBIT_EXISTS, "payment " + paymentId + " was already debited; it cannot be voided");
    }

    static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                "the balance is busy, nothing was changed; retry");
    }
}
