package com.ticketing.user.balance.web;

import com.ticketing.common.auth.Caller;
import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.docs.ApiError;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.user.UserErrors;
import com.ticketing.user.balance.ChargingBalance;
import com.ticketing.user.balance.ReadingBalance;
import com.ticketing.user.balance.UserBalance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public balance API (routed by the gateway under {@code /v1/api/user/**}): the logged-in user's own balance.
 * The user is the one the gateway verified ({@link CurrentUser}); an admin may read anyone's balance.
 */
@RestController
@RequestMapping("/v1/api/user")
class UserAmountController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final ChargingBalance charging;
    private final ReadingBalance reading;

    UserAmountController(ChargingBalance charging, ReadingBalance reading) {
        this.charging = charging;
        this.reading = reading;
    }

    @Operation(summary = "Top up your own prepaid balance (idempotent with an Idempotency-Key)")
    @ApiError(status = 401, codes = ErrorCodes.UNAUTHENTICATED, when = "not logged in")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "the body names another user's userId")
    @ApiError(status = 404, codes = ErrorCodes.USER_NOT_FOUND, when = "the user does not exist")
    @ApiError(status = 409, codes = {UserErrors.BALANCE_LIMIT_EXCEEDED, UserErrors.IDEMPOTENCY_KEY_REUSED},
            when = "the balance would exceed its maximum, or the Idempotency-Key was used for another charge")
    @PostMapping("/amount")
    ApiResponse<UserBalance> charge(
            @CurrentUser Caller caller,
            @Valid @RequestBody ChargeRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
                    message = "Idempotency-Key must be 1 to 64 characters of A-Z a-z 0-9 . _ : -") String idempotencyKey) {
        if (request.userId() != null && request.userId() != caller.userId()) {
            throw forbidden("you can only top up your own balance");
        }
        return ApiResponse.of(charging.charge(caller.userId(), request.amount(), idempotencyKey));
    }

    @Operation(summary = "Your balance (an admin may read any user's)")
    @ApiError(status = 401, codes = ErrorCodes.UNAUTHENTICATED, when = "not logged in")
    @ApiError(status = 403, codes = ErrorCodes.FORBIDDEN, when = "userId names another user and you are not an admin")
    @ApiError(status = 404, codes = ErrorCodes.USER_NOT_FOUND, when = "the user does not exist")
    @GetMapping("/amount")
    ApiResponse<UserBalance> balance(
            @CurrentUser Caller caller,
            @Parameter(description = "whose balance; default and for non-admins: your own")
            @RequestParam(required = false) @Positive(message = "userId must be positive") Long userId) {
        long owner = userId == null ? caller.userId() : userId;
        if (!caller.mayRead(owner)) {
            throw forbidden("you can only read your own balance");
        }
        return ApiResponse.of(reading.balanceOf(owner));
    }

    private static Refusal forbidden(String message) {
        return new Refusal(Refusal.Kind.FORBIDDEN, ErrorCodes.FORBIDDEN, message);
    }
}
