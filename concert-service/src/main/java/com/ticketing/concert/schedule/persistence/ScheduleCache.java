package com.ticketing.concert.schedule.persistence;

import com.ticketing.concert.schedule.OpenSchedule;
import com.ticketing.concert.schedule.ScheduleCacheProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Cache-aside for the schedule list in Redis under {@value #KEY} (a JSON array, TTL from
 * {@link ScheduleCacheProperties#ttl()}), evicted when seat availability changes.
 * <p>
 * Every read is counted in {@code concert.schedule.cache} with {@code result=hit|miss|error}: a disabled cache
 * counts misses; {@code error} means Redis failed (or is being skipped after a failure) and the list came from
 * the database. Each instance also keeps the list it last read for {@link ScheduleCacheProperties#localTtl()} and serves
 * it without a Redis round trip or JSON parsing (a hit too): at ticket open the list is read thousands of times a
 * second and changes far less often. The cache never takes the route down: any Redis failure falls back to the database, and
 * Redis is then left alone for {@link ScheduleCacheProperties#redisRetryAfter()} so a dead Redis does not add its
 * timeout to every request. Concurrent misses in one instance load the list from the database once.
 */
public class ScheduleCache {

    public static final String KEY = "concert:schedules";
    public static final String METRIC = "concert.schedule.cache";

    private static final Logger log = LoggerFactory.getLogger(ScheduleCache.class);
    private static final long LOAD_WAIT_MILLIS = 250;

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final ScheduleCacheProperties properties;
    private final Counter hits;
    private final Counter misses;
    private final Counter errors;
    private final ReentrantLock loading = new ReentrantLock();
    private volatile long skipRedisUntilNanos = System.nanoTime();
    private volatile Local local;

    public ScheduleCache(StringRedisTemplate redis, JsonMapper json, ScheduleCacheProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.properties = properties;
        this.hits = counter(meters, "hit");
        this.misses = counter(meters, "miss");
        this.errors = counter(meters, "error");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder(METRIC).tag("result", result)
                .description("schedule list reads by cache outcome").register(meters);
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /** The cached list, or {@code database}'s answer (then cached) when there is none or Redis fails. */
    public List<OpenSchedule> read(Supplier<List<OpenSchedule>> database) {
        if (!properties.enabled()) {
            misses.increment();
            return database.get();
        }
        Local copy = local;
        if (copy != null && copy.freshAt(System.nanoTime())) {
            hits.increment();
            return copy.schedules();
        }
        if (skippingRedis()) {
            errors.increment();
            return database.get();
        }
        Lookup first = lookup();
        if (first.found()) {
            hits.increment();
            return keep(first.schedules());
        }
        if (first.failed()) {
            errors.increment();
            return database.get();
        }
        boolean locked = tryLock();
        try {
            if (locked) {
                // Another thread may have loaded it while this one waited.
                Lookup again = lookup();
                if (again.found()) {
                    hits.increment();
                    return keep(again.schedules());
                }
            }
            misses.increment();
            List<OpenSchedule> fresh = database.get();
            if (store(fresh)) {
                keep(fresh);
            }
            return fresh;
        } finally {
            if (locked) {
                loading.unlock();
            }
        }
    }

    /**
     * Drops the cached list (seat availability changed). Skipped while Redis is being left alone after a failure,
     * and a failure here is only logged: either way the TTL bounds how stale a cached list can get, and the
     * event consumer calling this is never slowed down or failed by the cache.
     */
    public void evict() {
        local = null;
        if (!properties.enabled() || skippingRedis()) {
            return;
        }
        try {
            redis.delete(KEY);
        } catch (RuntimeException e) {
            redisFailed("evict", e);
        }
    }

    private Lookup lookup() {
        String cached;
        try {
            cached = redis.opsForValue().get(KEY);
        } catch (RuntimeException e) {
            redisFailed("read", e);
            return Lookup.FAILED;
        }
        if (cached == null) {
            return Lookup.MISSING;
        }
        try {
            return new Lookup(List.of(json.readValue(cached, OpenSchedule[].class)), false);
        } catch (JacksonException e) {
            log.warn("Discarding an unreadable cached schedule list: {}", e.getOriginalMessage());
            return Lookup.MISSING;
        }
    }

    /** Whether the list is now in Redis. */
    private boolean store(List<OpenSchedule> schedules) {
        if (skippingRedis()) {
            return false;
        }
        try {
            redis.opsForValue().set(KEY, json.writeValueAsString(schedules), properties.ttl());
            return true;
        } catch (RuntimeException e) {
            redisFailed("write", e);
            return false;
        }
    }

    /** Keeps what Redis holds (or now holds) as this instance's copy. */
    private List<OpenSchedule> keep(List<OpenSchedule> schedules) {
        long ttl = properties.localTtl().toNanos();
        if (ttl > 0) {
            local = new Local(schedules, System.nanoTime() + ttl);
        }
        return schedules;
    }

    private boolean tryLock() {
        try {
            return loading.tryLock(LOAD_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean skippingRedis() {
        return System.nanoTime() - skipRedisUntilNanos < 0;
    }

    private void redisFailed(String operation, RuntimeException e) {
        skipRedisUntilNanos = System.nanoTime() + properties.redisRetryAfter().toNanos();
        log.warn("Schedule cache {} failed, serving from the database for {}: {}", operation,
                properties.redisRetryAfter(), e.toString());
    }

    private record Local(List<OpenSchedule> schedules, long expiresAtNanos) {
        boolean freshAt(long nanos) {
            return nanos - expiresAtNanos < 0;
        }
    }

    private record Lookup(List<OpenSchedule> schedules, boolean failed) {
        static final Lookup MISSING = new Lookup(null, false);
        static final Lookup FAILED = new Lookup(null, true);

        boolean found() {
            return schedules != null;
        }
    }
}
