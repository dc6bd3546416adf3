package com.ticketing.common.auth;

/**
 * Headers the gateway sets on protected routes after it verified the queue token. Services behind the
 * gateway trust them; the gateway strips any client-supplied copy, so a client cannot act as someone else.
 */
public final class AuthHeaders {

    /** The user id taken from a verified queue token. */
    public static final String USER_ID = "X-User-Id";
    /** The token id (JWT {@code jti}) of a verified queue token. */
    public static final String TOKEN_ID = "X-Queue-Token-Id";

    private AuthHeaders() {
    }
}
