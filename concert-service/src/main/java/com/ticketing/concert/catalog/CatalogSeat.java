package com.ticketing.concert.catalog;

/**
 * What reservation-service needs to hold a seat (docs/contracts.md, concert-service internal): the seat's
 * number and price, and whether its schedule is open for booking now.
 */
public record CatalogSeat(long scheduleId, long concertId, long seatId, int seatNo, long price, boolean bookable) {
}
