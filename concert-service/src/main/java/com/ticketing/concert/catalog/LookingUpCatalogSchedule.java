package com.ticketing.concert.catalog;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.concert.ConcertErrors;
import com.ticketing.concert.catalog.persistence.CatalogRepository;
import org.springframework.stereotype.Service;

/** Answers queue-service's "which schedule is this, and when does its booking open?" (a room per schedule). */
@Service
public class LookingUpCatalogSchedule {

    private final CatalogRepository catalog;

    public LookingUpCatalogSchedule(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    public CatalogSchedule lookUp(long scheduleId) {
        return catalog.schedule(scheduleId)
                .orElseThrow(() -> Refusal.notFound(ConcertErrors.SCHEDULE_NOT_FOUND,
                        "schedule " + scheduleId + " does not exist"));
    }
}
