package com.ticketing.common.web;

import com.ticketing.common.refusal.Refusal;
import org.springframework.http.HttpStatus;

/** The one mapping between {@link Refusal.Kind} and HTTP status, both ways. */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static HttpStatus of(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The kind of a 4xx/503 another service answered; any other 4xx is {@link Refusal.Kind#INVALID}. */
    public static Refusal.Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Refusal.Kind.UNAUTHENTICATED;
            case 403 -> Refusal.Kind.FORBIDDEN;
            case 404 -> Refusal.Kind.NOT_FOUND;
            case 409 -> Refusal.Kind.CONFLICT;
            case 422 -> Refusal.Kind.UNPROCESSABLE;
            case 429 -> Refusal.Kind.TOO_MANY;
            case 503 -> Refusal.Kind.UNAVAILABLE;
            default -> Refusal.Kind.INVALID;
        };
    }
}
