package com.ticketing.concert.catalog;

/** Price bands of a hall; each seat belongs to one, and its price is set per concert and grade. */
public enum SeatGrade {
    VIP, R, S, A
}
