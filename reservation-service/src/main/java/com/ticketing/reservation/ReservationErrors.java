package com.ticketing.reservation;

/** Error codes of reservation-service beyond the shared {@link com.ticketing.common.web.ErrorCodes}. */
public final class ReservationErrors {

    public static final String RESERVATION_NOT_FOUND = "RESERVATION_NOT_FOUND";
    public static final String RESERVATION_NOT_PAYABLE = "RESERVATION_NOT_PAYABLE";
    public static final String RESERVATION_LOCKED = "RESERVATION_LOCKED";
    public static final String RESERVATION_ALREADY_CONFIRMED = "RESERVATION_ALREADY_CONFIRMED";
    /** The payment gave the reservation up (it was unlocked for it): none of its later locks applies. */
    public static final String PAYMENT_LOCK_REFUSED = "PAYMENT_LOCK_REFUSED";
    public static final String HOLD_LIMIT_REACHED = "HOLD_LIMIT_REACHED";
    public static final String SCHEDULE_NOT_BOOKABLE = "SCHEDULE_NOT_BOOKABLE";
    public static final String SCHEDULE_NOT_FOUND = "SCHEDULE_NOT_FOUND";
    public static final String SEAT_NOT_FOUND = "SEAT_NOT_FOUND";

    private ReservationErrors() {
    }
}
