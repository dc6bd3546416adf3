package com.ticketing.concert.seatview;

import com.ticketing.common.web.ApiException;
import com.ticketing.concert.ConcertErrorCodes;
import com.ticketing.concert.catalog.CatalogRepository;
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
            throw ApiException.notFound(ConcertErrorCodes.SCHEDULE_NOT_FOUND, "schedule " + scheduleId + " does not exist");
        }
        return found;
    }
}
