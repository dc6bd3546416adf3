package com.ticketing.user.balance.web;

import com.ticketing.common.docs.ApiError;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.user.balance.BalanceErrors;
import com.ticketing.user.balance.ChargingBalance;
import com.ticketing.user.balance.ReadingBalance;
import com.ticketing.user.balance.UserBalance;
import io.swagger.v3.oas.annotations.Operation;
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

/** The public balance API (routed by the gateway under {@code /v1/api/user/**}). */
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

    @Operation(summary = "Charge a user's prepaid balance (idempotent with an Idempotency-Key)")
    @ApiError(status = 404, codes = ErrorCodes.USER_NOT_FOUND, when = "the user does not exist")
    @ApiError(status = 409, codes = {BalanceErrors.BALANCE_LIMIT_EXCEEDED, BalanceErrors.IDEMPOTENCY_KEY_REUSED},
            when = "the balance would exceed its maximum, or the Idempotency-Key was used for another charge")
    @PostMapping("/amount")
    ApiResponse<UserBalance> charge(
            @Valid @RequestBody ChargeRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
                    message = "Idempotency-Key must be 1 to 64 characters of A-Z a-z 0-9 . _ : -") String idempotencyKey) {
        return ApiResponse.of(charging.charge(request.userId(), request.amount(), idempotencyKey));
    }

    @Operation(summary = "A user's balance")
    @ApiError(status = 404, codes = ErrorCodes.USER_NOT_FOUND, when = "the user does not exist")
    @GetMapping("/amount")
    ApiResponse<UserBalance> balance(@RequestParam @Positive(message = "userId must be positive") long userId) {
        return ApiResponse.of(reading.balanceOf(userId));
    }
}
