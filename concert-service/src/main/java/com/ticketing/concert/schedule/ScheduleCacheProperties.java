package com.ticketing.concert.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ticketing.concert.schedule-cache.*}: the Redis cache of the schedule list, and each instance's copy of it.
 *
 * @param enabled         off → every read goes to the database (for benchmarks); env {@code SCHEDULE_CACHE_ENABLED}
 * @param ttl             how long a cached list lives at most (eviction on availability changes comes first)
 * @param redisRetryAfter after a Redis failure, how long reads skip Redis and go straight to the database
 * @param localTtl        how long an instance serves the list it last read without asking Redis again (0: always
 *                        ask); an instance that did not consume the availability event serves its copy at most
 *                        this much longer than Redis would
 */
@ConfigurationProperties("ticketing.concert.schedule-cache")
public record ScheduleCacheProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("5s") Duration ttl,
                                      @DefaultValue("2s") Duration redisRetryAfter,
                                      @DefaultValue("1s") Duration localTtl) {

    public ScheduleCacheProperties {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ticketing.concert.schedule-cache.ttl must be positive");
        }
        if (redisRetryAfter.isNegative()) {
            throw new IllegalArgumentException("ticketing.concert.schedule-cache.redis-retry-after must not be negative");
        }
        if (localTtl.isNegative() || localTtl.compareTo(ttl) > 0) {
            throw new IllegalArgumentException("ticketing.concert.schedule-cache.local-ttl must be between 0 and ttl");
        }
    }
}
