package com.ticketing.user.account.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** {@code POST /v1/api/user/accounts}: the rules are checked by the sign-up itself (400 with the reason). */
public record SignUpRequest(
        @Schema(description = "a login name (3 to 32 of a-z 0-9 . _ -) or an email address; compared lower-case",
                example = "jane.doe") @NotNull String username,
        @Schema(description = "10 to 128 characters, at most 72 bytes in UTF-8, not the username",
                example = "correct horse battery") @NotNull String password) {
}
