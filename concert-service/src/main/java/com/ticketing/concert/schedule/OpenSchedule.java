package com.ticketing.concert.schedule;

import java.time.Instant;

/** One schedule open for booking, as the schedule list shows it (and as it is cached in Redis). */
public record OpenSchedule(long scheduleId, long concertId, String title, String artist, String venue,
                           Instant startsAt, Instant bookingClosesAt, int availableSeats, int totalSeats,
                           long minPrice, long maxPrice) {
}
