package com.ticketing.concert.seatview;

/** What a user sees for a seat. */
public enum SeatStatus {
    AVAILABLE, HELD, SOLD
}
