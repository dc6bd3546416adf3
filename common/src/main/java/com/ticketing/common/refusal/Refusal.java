package com.ticketing.common.refusal;

import java.util.Objects;

/**
 * A use case's "no" the caller can act on: a stable error code, a message, and what kind of "no" it is. It says
 * nothing about the protocol: the web layer renders it once for every service ({@code common.web.RefusalHandler}:
 * kind to HTTP status, {@code {"error": {"code", "message"}}}), and a client of another service reads that
 * service's 4xx back into the same kinds ({@code common.remote.GuardedCalls}). No stack trace is kept.
 */
public class Refusal extends RuntimeException {

    /** What kind of "no": decides the status a web client sees, nothing else. */
    public enum Kind {
        /** The request is malformed or out of range. */
        INVALID,
        /** No valid credential. */
        UNAUTHENTICATED,
        /** The caller may not do this. */
        FORBIDDEN,
        /** What the request names does not exist (for this caller). */
        NOT_FOUND,
        /** The current state does not allow it (taken, already paid, in progress...). */
        CONFLICT,
        /** Well-formed but not acceptable as asked (e.g. a reused idempotency key with other content). */
        UNPROCESSABLE,
        /** Too many requests from this caller. */
        TOO_MANY,
        /** A dependency cannot answer now; trying again shortly may succeed. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public Refusal(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static Refusal invalid(String code, String message) {
        return new Refusal(Kind.INVALID, code, message);
    }

    public static Refusal notFound(String code, String message) {
        return new Refusal(Kind.NOT_FOUND, code, message);
    }

    public static Refusal conflict(String code, String message) {
        return new Refusal(Kind.CONFLICT, code, message);
    }

    public static Refusal unavailable(String code, String message) {
        return new Refusal(Kind.UNAVAILABLE, code, message);
    }
}
