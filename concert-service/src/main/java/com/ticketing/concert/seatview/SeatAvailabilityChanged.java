package com.ticketing.concert.seatview;

/** Published (in-process) when a seat of {@code scheduleId} became available or unavailable. */
public record SeatAvailabilityChanged(long scheduleId, long seatId) {
}
