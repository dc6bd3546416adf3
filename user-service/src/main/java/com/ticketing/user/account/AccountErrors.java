package com.ticketing.user.account;

import com.ticketing.common.web.ApiException;
import com.ticketing.common.web.ErrorCodes;

/** The errors of sign-up, with their stable codes (the shared ones come from {@link ErrorCodes}). */
public final class AccountErrors {

    public static final String USERNAME_TAKEN = "USERNAME_TAKEN";

    private AccountErrors() {
    }

    static ApiException invalid(String message) {
        return ApiException.badRequest(ErrorCodes.VALIDATION_FAILED, message);
    }

    static ApiException usernameTaken() {
        return ApiException.conflict(USERNAME_TAKEN, "this username is taken");
    }
}
