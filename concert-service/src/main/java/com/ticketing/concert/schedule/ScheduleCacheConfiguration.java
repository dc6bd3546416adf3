package com.ticketing.concert.schedule;

import com.ticketing.concert.schedule.persistence.ScheduleCache;
import com.ticketing.concert.seatview.SeatAvailabilityChanged;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ScheduleCacheConfiguration {

    @Bean
    ScheduleCache scheduleCache(StringRedisTemplate redis, JsonMapper json, ScheduleCacheProperties properties,
                                MeterRegistry meters) {
        return new ScheduleCache(redis, json, properties, meters);
    }

    @Bean
    ScheduleCacheEviction scheduleCacheEviction(ScheduleCache cache) {
        return new ScheduleCacheEviction(cache);
    }

    /** Evicts once the seat-view change is committed, so a reload cannot read the state from before it. */
    static class ScheduleCacheEviction {

        private final ScheduleCache cache;

        ScheduleCacheEviction(ScheduleCache cache) {
            this.cache = cache;
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(SeatAvailabilityChanged changed) {
            cache.evict();
        }
    }
}
