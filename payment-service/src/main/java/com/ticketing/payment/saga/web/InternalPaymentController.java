package com.ticketing.payment.saga.web;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.payment.domain.Payment;
import com.ticketing.payment.saga.LookingUpPayment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Internal endpoint (docs/contracts.md): a payment's state for reservation-service; never routed by the gateway. */
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

    private final LookingUpPayment lookingUp;

    InternalPaymentController(LookingUpPayment lookingUp) {
        this.lookingUp = lookingUp;
    }

    @GetMapping("/internal/payments/{paymentId}")
    ApiResponse<PaymentState> payment(@PathVariable long paymentId) {
        if (paymentId <= 0) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "paymentId must be positive");
        }
        return ApiResponse.of(PaymentState.of(lookingUp.byId(paymentId)));
    }
}
