package com.ticketing.payment.web;

import com.ticketing.common.web.ApiException;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.payment.payment.Payment;
import com.ticketing.payment.payment.PaymentRepository;
import com.ticketing.payment.reconcile.PaymentChecks;
import com.ticketing.payment.saga.PaymentErrorCodes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal endpoints (docs/contracts.md); never routed by the gateway. */
@RestController
class InternalPaymentController {

    /**
     * A payment as reservation-service needs it: {@code holdsReservation} false means the payment is over
     * (FAILED or REFUNDED) and will never confirm its reservation, so a lock it left may be released.
     */
    record PaymentState(long paymentId, long reservationId, long userId, Long amount, String status,
                        boolean holdsReservation, String failureCode) {

        static PaymentState of(Payment p) {
            return new PaymentState(p.id(), p.reservationId(), p.userId(), p.amount(), p.status().name(),
                    p.status().holdsReservation(), p.failureCode());
        }
    }

    private final PaymentRepository payments;
    private final PaymentChecks checks;

    InternalPaymentController(PaymentRepository payments, PaymentChecks checks) {
        this.payments = payments;
        this.checks = checks;
    }

    @GetMapping("/internal/payments/{paymentId}")
    ApiResponse<PaymentState> payment(@PathVariable long paymentId) {
        if (paymentId <= 0) {
            throw ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, "paymentId must be positive");
        }
        return payments.find(paymentId).map(p -> ApiResponse.of(PaymentState.of(p)))
                .orElseThrow(() -> ApiException.notFound(PaymentErrorCodes.PAYMENT_NOT_FOUND, "no payment " + paymentId));
    }

    @GetMapping("/internal/reconciliation")
    ApiResponse<PaymentChecks.Report> reconciliation() {
        return ApiResponse.of(checks.check());
    }
}
