package com.ticketing.concert.outage;

import com.ticketing.common.web.Outages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps the last good answer of a catalog read per key (the schedule list, each schedule's seat list) and serves it,
 * labelled stale, while the database is down ({@link Outages}) instead of failing: at ticket open, users can still
 * look at schedules and seats. A key never read before the outage still fails (503). Bounded: at most
 * {@code maxEntries} keys are remembered; past that, new keys are not (the ones known keep being refreshed).
 * Stale answers are counted in {@code concert.catalog.stale}{@code {read=<name>}}.
 */
public class LastKnownGood<K, V> {

    private static final Logger log = LoggerFactory.getLogger(LastKnownGood.class);

    private final String name;
    private final int maxEntries;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private final Counter staleServed;
    private volatile boolean servingStale;

    public LastKnownGood(String name, int maxEntries, MeterRegistry meters) {
        this.name = name;
        this.maxEntries = maxEntries;
        this.staleServed = Counter.builder("concert.catalog.stale").tag("read", name)
                .description("catalog reads answered from the last known good copy while the database is down")
                .register(meters);
    }

    /** {@code source}'s answer (remembered), or the last one remembered for {@code key} when the database is down. */
    public Served<V> read(K key, Supplier<V> source) {
        V fresh;
        try {
            fresh = source.get();
        } catch (RuntimeException e) {
            V last = Outages.isOutage(e) ? entries.get(key) : null;
            if (last == null) {
                throw e;
            }
            staleServed.increment();
            if (!servingStale) {
                servingStale = true;
                log.warn("Database unavailable: serving the last known {} (stale) until it answers again: {}", name, e.toString());
            }
            return new Served<>(last, true);
        }
        if (servingStale) {
            servingStale = false;
            log.info("Database answers again: serving fresh {}", name);
        }
        if (entries.size() < maxEntries || entries.containsKey(key)) {
            entries.put(key, fresh);
        }
        return Served.fresh(fresh);
    }
}
