package com.ticketing.reservation.catalog;

/**
 * concert-service's answer for one seat ({@code GET /internal/schedules/{scheduleId}/seats/{seatId}}).
 * {@code bookable} is false when the schedule's booking window is closed.
 */
public record CatalogSeat(Long scheduleId, Long concertId, Long seatId, Integer seatNo, Long price, Boolean bookable) {

    boolean isComplete() {
        return scheduleId != null && seatId != null && seatNo != null && seatNo > 0 && price != null && price >= 0
                && bookable != null;
    }
}
