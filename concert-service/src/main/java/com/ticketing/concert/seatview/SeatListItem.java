package com.ticketing.concert.seatview;

import com.ticketing.concert.catalog.SeatGrade;

/** One seat of a schedule in the public seat list. */
public record SeatListItem(long seatId, int seatNo, SeatGrade grade, long price, SeatStatus status) {
}
