package com.ticketing.payment.saga.web;

import com.ticketing.common.auth.Admitted;
import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.auth.RoomAdmission;
import com.ticketing.common.docs.AdmittedOnly;
import com.ticketing.common.docs.ApiError;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.payment.PaymentErrors;
import com.ticketing.payment.saga.LookingUpPayment;
import com.ticketing.payment.saga.PaymentReceipt;
import com.ticketing.payment.saga.PaymentSaga;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/**
 * The public payment endpoints (through the gateway, which sets the logged-in user's id): paying needs admission,
 * reading one's own payment only the login (it is what a client polls after a 503 PAYMENT_OUTCOME_UNKNOWN).
 */
@RestController
@RequestMapping("/v1/api/concerts/payment")
class PaymentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    private final PaymentSaga saga;
    private final LookingUpPayment lookingUp;

    PaymentController(PaymentSaga saga, LookingUpPayment lookingUp) {
        this.saga = saga;
        this.lookingUp = lookingUp;
    }

    @Operation(summary = "Pay a held reservation from the prepaid balance (idempotent with an Idempotency-Key)")
    @ApiError(status = 404, codes = {PaymentErrors.RESERVATION_NOT_FOUND, ErrorCodes.USER_NOT_FOUND},
            when = "no such reservation of this user, or the user does not exist")
    @ApiError(status = 409, codes = {ErrorCodes.INSUFFICIENT_BALANCE, PaymentErrors.ALREADY_PAID,
            PaymentErrors.PAYMENT_IN_PROGRESS, "RESERVATION_NOT_PAYABLE", "RESERVATION_LOCKED",
            PaymentErrors.PAYMENT_FAILED, PaymentErrors.PAYMENT_REFUNDED},
            when = "the balance is too low, the reservation is paid, being paid, expired or no longer held, or this "
                    + "slow request's payment was settled meanwhile (error.payment carries its state)")
    @ApiError(status = 422, codes = PaymentErrors.IDEMPOTENCY_KEY_REUSED,
            when = "the Idempotency-Key was used for another payment")
    @ApiError(status = 503, codes = PaymentErrors.PAYMENT_OUTCOME_UNKNOWN,
            when = "the debit's outcome is being confirmed: check GET /v1/api/concerts/payment/{paymentId}")
    @AdmittedOnly
    @PostMapping
    ApiResponse<PaymentReceipt> pay(@CurrentUser long userId, @Admitted RoomAdmission admission,
                                    @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                    @Valid @RequestBody PayRequest request) {
        if (idempotencyKey != null && !KEY_SHAPE.matcher(idempotencyKey).matches()) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED,
                    IDEMPOTENCY_KEY + " must be 1 to 64 characters of A-Z a-z 0-9 . _ : -");
        }
        // The reservation's schedule is reservation-service's to check against the room (with the lock).
        return ApiResponse.of(saga.pay(userId, request.reservationId(), idempotencyKey, admission.roomId()));
    }

    @Operation(summary = "One of the logged-in user's payments and its status")
    @ApiError(status = 404, codes = PaymentErrors.PAYMENT_NOT_FOUND, when = "no such payment of this user")
    @GetMapping("/{paymentId}")
    ApiResponse<PaymentView> get(@CurrentUser long userId, @PathVariable long paymentId) {
        if (paymentId <= 0) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "paymentId must be positive");
        }
        return ApiResponse.of(PaymentView.of(lookingUp.ofUser(userId, paymentId)));
    }
}
