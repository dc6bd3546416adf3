package com.ticketing.concert.seatview;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.concert.ConcertErrors;
import com.ticketing.concert.catalog.persistence.CatalogRepository;
import com.ticketing.concert.seatview.persistence.SeatViewRepository;
import org.springframework.stereotype.Service;

import java.util.List;

/** Every seat of a schedule with its current status, by seat number. */
@Service
public class ListingSeats {

    private final SeatViewRepository seats;
    private final CatalogRepository catalog;

    public ListingSeats(SeatViewRepository seats, CatalogRepository catalog) {
        this.seats = seats;
        this.catalog = catalog;
    }

    public List<SeatListItem> of(long scheduleId) {
        List<SeatListItem> found = seats.seatsOf(scheduleId);
        if (found.isEmpty() && !catalog.scheduleExists(scheduleId)) {
            throw Refusal.notFound(ConcertErrors.SCHEDULE_NOT_FOUND, "schedule " + scheduleId + " does not exist");
        }
        return found;
    }
}
