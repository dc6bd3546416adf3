package com.ticketing.common.web;

/** Error codes shared by more than one service. Service-specific codes live with the service. */
public final class ErrorCodes {

    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String MALFORMED_REQUEST = "MALFORMED_REQUEST";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String INVALID_TOKEN = "INVALID_TOKEN";
    /** Logged in, but the resource or action belongs to another user (or needs a role the caller lacks). */
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String QUEUE_NOT_ADMITTED = "QUEUE_NOT_ADMITTED";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    public static final String RATE_LIMITED = "RATE_LIMITED";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String USER_NOT_FOUND = "USER_NOT_FOUND";
    public static final String INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
    public static final String SEAT_UNAVAILABLE = "SEAT_UNAVAILABLE";

    private ErrorCodes() {
    }
}
