package com.ticketing.concert.catalog;

import java.time.Instant;

/**
 * A schedule as other services see it (docs/contracts.md, concert-service internal): queue-service names a new
 * waiting room after the concert's title and opens its sale when the schedule's booking opens.
 */
public record CatalogSchedule(long scheduleId, long concertId, String title, Instant startsAt, Instant bookingOpensAt,
                              Instant bookingClosesAt) {
}
