package com.ticketing.concert.schedule;

import com.ticketing.concert.schedule.persistence.ScheduleCache;
import com.ticketing.concert.schedule.persistence.ScheduleQueries;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/** The schedules a user can book now, soonest first, from the cache when it has them. */
@Service
public class ListingOpenSchedules {

    private final ScheduleCache cache;
    private final ScheduleQueries queries;
    private final Clock clock;

    public ListingOpenSchedules(ScheduleCache cache, ScheduleQueries queries, Clock clock) {
        this.cache = cache;
        this.queries = queries;
        this.clock = clock;
    }

    public List<OpenSchedule> list() {
        return cache.read(() -> queries.openAt(clock.instant()));
    }
}
