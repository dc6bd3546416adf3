package com.ticketing.concert.schedule;

import com.ticketing.concert.outage.LastKnownGood;
import com.ticketing.concert.outage.Served;
import com.ticketing.concert.schedule.persistence.ScheduleCache;
import com.ticketing.concert.schedule.persistence.ScheduleQueries;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * The schedules a user can book now, soonest first, from the cache when it has them; while the database is down,
 * the last list read, labelled stale ({@link LastKnownGood}).
 */
@Service
public class ListingOpenSchedules {

    private static final String ALL = "open";

    private final ScheduleCache cache;
    private final ScheduleQueries queries;
    private final Clock clock;
    private final LastKnownGood<String, List<OpenSchedule>> lastKnown;

    public ListingOpenSchedules(ScheduleCache cache, ScheduleQueries queries, Clock clock, MeterRegistry meters) {
        this.cache = cache;
        this.queries = queries;
        this.clock = clock;
        this.lastKnown = new LastKnownGood<>("schedules", 1, meters);
    }

    public Served<List<OpenSchedule>> read() {
        return lastKnown.read(ALL, () -> cache.read(() -> queries.openAt(clock.instant())));
    }

    public List<OpenSchedule> list() {
        return read().value();
    }
}
