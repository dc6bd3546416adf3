package com.ticketing.user.account.web;

import com.ticketing.common.docs.ApiError;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.user.UserErrors;
import com.ticketing.user.account.Account;
import com.ticketing.user.account.SigningUp;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up: anonymous (the gateway routes it without a login). Log in afterwards with the OIDC flow. */
@RestController
class SignUpController {

    private final SigningUp signingUp;

    SignUpController(SigningUp signingUp) {
        this.signingUp = signingUp;
    }

    @Operation(summary = "Create an account (no login needed)",
            description = "The account starts with a balance of 0 and the USER role. Then log in through the "
                    + "authorization-code flow (GET /oauth2/authorize with PKCE) with this username and password.")
    @ApiError(status = 409, codes = UserErrors.USERNAME_TAKEN, when = "an account with this username exists")
    @PostMapping("/v1/api/user/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    ApiResponse<SignedUp> signUp(@Valid @RequestBody SignUpRequest request) {
        Account account = signingUp.signUp(request.username(), request.password());
        return ApiResponse.of(new SignedUp(account.userId(), account.username()));
    }
}
