package com.ticketing.concert.seatview;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.concert.ConcertErrors;
import com.ticketing.concert.catalog.persistence.CatalogRepository;
import com.ticketing.concert.outage.LastKnownGood;
import com.ticketing.concert.outage.Served;
import com.ticketing.concert.seatview.persistence.SeatViewRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Every seat of a schedule with its current status, by seat number; while the database is down, the last list
 * read for that schedule, labelled stale ({@link LastKnownGood}, at most
 * {@code ticketing.concert.seat-view.last-known-schedules} schedules remembered).
 */
@Service
public class ListingSeats {

    private final SeatViewRepository seats;
    private final CatalogRepository catalog;
    private final LastKnownGood<Long, List<SeatListItem>> lastKnown;

    public ListingSeats(SeatViewRepository seats, CatalogRepository catalog, MeterRegistry meters,
                        @Value("${ticketing.concert.seat-view.last-known-schedules:1000}") int lastKnownSchedules) {
        this.seats = seats;
        this.catalog = catalog;
        this.lastKnown = new LastKnownGood<>("seats", lastKnownSchedules, meters);
    }

    public Served<List<SeatListItem>> read(long scheduleId) {
        return lastKnown.read(scheduleId, () -> fromDatabase(scheduleId));
    }

    public List<SeatListItem> of(long scheduleId) {
        return read(scheduleId).value();
    }

    private List<SeatListItem> fromDatabase(long scheduleId) {
        List<SeatListItem> found = seats.seatsOf(scheduleId);
        if (found.isEmpty() && !catalog.scheduleExists(scheduleId)) {
            throw Refusal.notFound(ConcertErrors.SCHEDULE_NOT_FOUND, "schedule " + scheduleId + " does not exist");
        }
        return found;
    }
}
