package com.ticketing.payment;

/** Error codes payment-service answers with itself; refusals of reservation-service and user-service pass through. */
public final class PaymentErrors {

    public static final String PAYMENT_NOT_FOUND = "PAYMENT_NOT_FOUND";
    /** Another payment of the reservation is under way (or its outcome is being resolved). */
    public static final String PAYMENT_IN_PROGRESS = "PAYMENT_IN_PROGRESS";
    public static final String ALREADY_PAID = "ALREADY_PAID";
    /** 503: the debit was sent but its answer was lost; the payment is resolved in the background. */
    public static final String PAYMENT_OUTCOME_UNKNOWN = "PAYMENT_OUTCOME_UNKNOWN";
    /** 409: the payment is over without money taken (the answer carries it, with its failure code). */
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    /** 409: the payment's money went back (its reservation could not be confirmed). */
    public static final String PAYMENT_REFUNDED = "PAYMENT_REFUNDED";
    /** The Idempotency-Key was first used for another reservation. */
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String RESERVATION_NOT_FOUND = "RESERVATION_NOT_FOUND";

    // answers of the other services the saga acts on
    public static final String DEBIT_EXISTS = "DEBIT_EXISTS";
    public static final String PAYMENT_VOIDED = "PAYMENT_VOIDED";

    // failure codes stored on FAILED payments for causes of our own (refusals keep the other service's code)
    public static final String RESERVATION_SERVICE_UNAVAILABLE = "RESERVATION_SERVICE_UNAVAILABLE";
    public static final String USER_SERVICE_UNAVAILABLE = "USER_SERVICE_UNAVAILABLE";
    public static final String INVALID_LOCK_ANSWER = "INVALID_LOCK_ANSWER";
    public static final String DEBIT_NOT_TAKEN = "DEBIT_NOT_TAKEN";
    public static final String ABANDONED = "ABANDONED";

    private PaymentErrors() {
    }
}
