package com.ticketing.user.balance.web;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.user.balance.ChargingBalance;
import com.ticketing.user.balance.ReadingBalance;
import com.ticketing.user.balance.UserBalance;
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

    @PostMapping("/amount")
    ApiResponse<UserBalance> charge(
            @Valid @RequestBody ChargeRequest request,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
            @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}",
                    message = "Idempotency-Key must be 1 to 64 characters of A-Z a-z 0-9 . _ : -") String idempotencyKey) {
        return ApiResponse.of(charging.charge(request.userId(), request.amount(), idempotencyKey));
    }

    @GetMapping("/amount")
    ApiResponse<UserBalance> balance(@RequestParam @Positive(message = "userId must be positive") long userId) {
        return ApiResponse.of(reading.balanceOf(userId));
    }
}
