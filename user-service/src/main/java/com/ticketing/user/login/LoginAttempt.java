package com.ticketing.user.login;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

/**
 * One POST /login, as the limits see it: the submitted username lower-cased (whether or not such an account
 * exists, so a refusal never tells) and the client's address.
 */
record LoginAttempt(String account, String address) {

    static final String ACCOUNT_KEY_PREFIX = "auth:login-fail:account:";
    static final String ADDRESS_KEY_PREFIX = "auth:login-fail:address:";
    /** A longer username is never valid; cutting it keeps Redis keys small and still distinct from valid names. */
    private static final int MAX_ACCOUNT_LENGTH = 255;
    private static final String ATTRIBUTE = LoginAttempt.class.getName();

    static LoginAttempt of(HttpServletRequest request, String usernameParameter) {
        String submitted = request.getParameter(usernameParameter);
        String account = submitted == null ? "" : submitted.toLowerCase(Locale.ROOT);
        if (account.length() > MAX_ACCOUNT_LENGTH) {
            account = account.substring(0, MAX_ACCOUNT_LENGTH);
        }
        return new LoginAttempt(account, ClientAddress.of(request));
    }

    String accountKey() {
        return ACCOUNT_KEY_PREFIX + account;
    }

    String addressKey() {
        return ADDRESS_KEY_PREFIX + address;
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** The attempt the limits admitted for this request (the filter computed it once), or null. */
    static LoginAttempt of(HttpServletRequest request) {
        return (LoginAttempt) request.getAttribute(ATTRIBUTE);
    }
}
