package com.ticketing.concert;

/** Error codes specific to concert-service (the shared ones are in {@code com.ticketing.common.web.ErrorCodes}). */
public final class ConcertErrors {

    public static final String SCHEDULE_NOT_FOUND = "SCHEDULE_NOT_FOUND";
    public static final String SEAT_NOT_FOUND = "SEAT_NOT_FOUND";

    private ConcertErrors() {
    }
}
