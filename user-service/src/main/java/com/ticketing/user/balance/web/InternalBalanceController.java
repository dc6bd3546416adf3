package com.ticketing.user.balance.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.user.balance.DebitRecord;
import com.ticketing.user.balance.DebitingBalance;
import com.ticketing.user.balance.LookingUpDebit;
import com.ticketing.user.balance.PaymentBalance;
import com.ticketing.user.balance.PaymentVoid;
import com.ticketing.user.balance.RefundingDebit;
import com.ticketing.user.balance.VoidingPayment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints for payment-service (docs/contracts.md); never routed by the gateway. */
@RestController
@RequestMapping("/internal/users/{userId}")
class InternalBalanceController {

    private final DebitingBalance debiting;
    private final RefundingDebit refunding;
    private final LookingUpDebit lookingUp;
    private final VoidingPayment voiding;

    InternalBalanceController(DebitingBalance debiting, RefundingDebit refunding, LookingUpDebit lookingUp,
                              VoidingPayment voiding) {
        this.debiting = debiting;
        this.refunding = refunding;
        this.lookingUp = lookingUp;
        this.voiding = voiding;
    }

    @PostMapping("/debits")
    ApiResponse<PaymentBalance> debit(@PathVariable @Positive(message = "userId must be positive") long userId,
                                      @Valid @RequestBody PaymentAmountRequest request) {
        return ApiResponse.of(debiting.debit(userId, request.paymentId(), request.amount()));
    }

    @PostMapping("/refunds")
    ApiResponse<PaymentBalance> refund(@PathVariable @Positive(message = "userId must be positive") long userId,
                                       @Valid @RequestBody PaymentAmountRequest request) {
        return ApiResponse.of(refunding.refund(userId, request.paymentId(), request.amount()));
    }

    @GetMapping("/debits/{paymentId}")
    ApiResponse<DebitRecord> debitOf(@PathVariable @Positive(message = "userId must be positive") long userId,
                                     @PathVariable @Positive(message = "paymentId must be positive") long paymentId) {
        return ApiResponse.of(lookingUp.debitOf(userId, paymentId));
    }

    /** payment-service gave up on this payment's debit: no debit of it applies from now on (409 DEBIT_EXISTS if one did). */
    @PostMapping("/debits/{paymentId}/void")
    ApiResponse<PaymentVoid> voidPayment(@PathVariable @Positive(message = "userId must be positive") long userId,
                                         @PathVariable @Positive(message = "paymentId must be positive") long paymentId) {
        return ApiResponse.of(voiding.voidPayment(userId, paymentId));
    }
}
