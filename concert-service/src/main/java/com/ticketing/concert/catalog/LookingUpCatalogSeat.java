package com.ticketing.concert.catalog;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.concert.ConcertErrors;
import com.ticketing.concert.catalog.persistence.CatalogRepository;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** Answers reservation-service's "which seat is this, what does it cost, can it be booked now?". */
@Service
public class LookingUpCatalogSeat {

    private final CatalogRepository catalog;
    private final Clock clock;

    public LookingUpCatalogSeat(CatalogRepository catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public CatalogSeat lookUp(long scheduleId, long seatId) {
        CatalogRepository.ScheduleSeat found = catalog.scheduleSeat(scheduleId, seatId)
                .orElseThrow(() -> Refusal.notFound(ConcertErrors.SCHEDULE_NOT_FOUND,
                        "schedule " + scheduleId + " does not exist"));
        CatalogRepository.Seat seat = found.seat()
                .orElseThrow(() -> Refusal.notFound(ConcertErrors.SEAT_NOT_FOUND,
                        "seat " + seatId + " does not exist in schedule " + scheduleId));
        return new CatalogSeat(found.scheduleId(), found.concertId(), seat.seatId(), seat.seatNo(), seat.price(),
                found.window().isOpenAt(clock.instant()));
    }
}
