package com.ticketing.concert.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ticketing.concert.schedule-cache.*}: the Redis cache of the schedule list.
 *
 * @param enabled         off → every read goes to the database (for benchmarks); env {@code SCHEDULE_CACHE_ENABLED}
 * @param ttl             how long a cached list lives at most (eviction on availability changes comes first)
 * @param redisRetryAfter after a Redis failure, how long reads skip Redis and go straight to the database
 */
@ConfigurationProperties("ticketing.concert.schedule-cache")
public record ScheduleCacheProperties(@DefaultValue("true") boolean enabled,
                                      @DefaultValue("5s") Duration ttl,
                                      @DefaultValue("2s") Duration redisRetryAfter) {

    public ScheduleCacheProperties {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ticketing.concert.schedule-cache.ttl must be positive");
        }
        if (redisRetryAfter.isNegative()) {
            throw new IllegalArgumentException("ticketing.concert.schedule-cache.redis-retry-after must not be negative");
        }
    }
}
