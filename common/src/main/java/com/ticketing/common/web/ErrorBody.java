package com.ticketing.common.web;

/** The error envelope: {@code {"error": {"code": "SEAT_UNAVAILABLE", "message": "..."}}}. */
public record ErrorBody(Detail error) {

    public record Detail(String code, String message) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message));
    }
}
