package com.ticketing.payment.saga;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.payment.PaymentErrors;
import com.ticketing.payment.domain.Payment;

/**
 * A payment request that cannot answer with a receipt, carrying the payment as it stands, so the client knows
 * what happened to it: 503 {@code PAYMENT_OUTCOME_UNKNOWN} while it is being settled, 409 {@code PAYMENT_FAILED}
 * once it is over without money taken (also when the reconciler settled it while the request was still running),
 * 409 {@code PAYMENT_REFUNDED} when its money went back. Rendered with the payment under {@code error.payment}.
 */
public class PaymentAnswer extends Refusal {

    private final transient Payment payment;

    private PaymentAnswer(Kind kind, String code, String message, Payment payment) {
        super(kind, code, message);
        this.payment = payment;
    }

    static PaymentAnswer of(Payment payment) {
        return switch (payment.status()) {
            case PENDING, DEBIT_UNKNOWN -> new PaymentAnswer(Kind.UNAVAILABLE,
                    PaymentErrors.PAYMENT_OUTCOME_UNKNOWN, "payment " + payment.id()
                    + " is being confirmed; check GET /v1/api/concerts/payment/" + payment.id(), payment);
            case FAILED -> new PaymentAnswer(Kind.CONFLICT, PaymentErrors.PAYMENT_FAILED,
                    "payment " + payment.id() + " failed (" + payment.failureCode() + "); nothing was debited", payment);
            case REFUNDING, REFUNDED -> new PaymentAnswer(Kind.CONFLICT, PaymentErrors.PAYMENT_REFUNDED,
                    "payment " + payment.id() + " is refunded", payment);
            case COMPLETED -> throw new IllegalArgumentException("a completed payment is answered with its receipt");
        };
    }

    public Payment payment() {
        return payment;
    }
}
