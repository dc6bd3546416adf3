package com.ticketing.common.auth;

/**
 * Headers that carry identity between the gateway and the services.
 * <ul>
 *   <li>{@link #USER_ID}, {@link #ROLES}, {@link #TOKEN_ID}, {@link #QUEUE_ROOM}: set only by the gateway, from the verified access
 *       token (and, on admitted routes, the verified waiting-room token). The gateway removes any copy a client
 *       sent on every route; services listen only where the gateway (or the private network) reaches them, and
 *       trust these headers as the only identity.</li>
 *   <li>{@link #QUEUE_TOKEN}: written by the client: the waiting-room token travels in its own header, since
 *       {@code Authorization} carries the access token.</li>
 * </ul>
 */
public final class AuthHeaders {

    /** The user id: the verified access token's {@code sub}. */
    public static final String USER_ID = "X-User-Id";
    /** The verified access token's roles, comma-separated, without the {@code ROLE_} prefix (e.g. {@code USER,ADMIN}). */
    public static final String ROLES = "X-User-Roles";
    /** The token id (JWT {@code jti}) of the verified, admitted waiting-room token. */
    public static final String TOKEN_ID = "X-Queue-Token-Id";
    /**
     * The waiting room the verified, admitted waiting-room token belongs to (a room's id is its schedule's id). Set
     * by the gateway's admission check only; services read it through {@link Admitted}.
     */
    public static final String QUEUE_ROOM = "X-Queue-Room";
    /** The client's waiting-room token (raw JWT). */
    public static final String QUEUE_TOKEN = "X-Queue-Token";

    /** The role every account has. */
    public static final String ROLE_USER = "USER";
    /** Operators: may read any user's balance and run the waiting rooms. */
    public static final String ROLE_ADMIN = "ADMIN";

    private AuthHeaders() {
    }
}
