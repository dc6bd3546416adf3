package com.ticketing.concert.schedule.persistence;

import com.ticketing.concert.IntegrationTest;
import com.ticketing.concert.schedule.ListingOpenSchedules;
import com.ticketing.concert.schedule.OpenSchedule;
import com.ticketing.concert.schedule.ScheduleCacheProperties;
import com.ticketing.concert.seatview.ProjectingSeatStatus;
import com.ticketing.concert.seatview.ReservationStage;
import com.ticketing.concert.seatview.SeatChange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ScheduleCacheTest extends IntegrationTest {

    @Autowired
    private ListingOpenSchedules listing;
    @Autowired
    private ScheduleQueries queries;
    @Autowired
    private ProjectingSeatStatus projecting;
    @Autowired
    private JsonMapper json;
    @Autowired
    private Clock clock;

    private double hits() {
        return counter(ScheduleCache.METRIC, "result", "hit");
    }

    private double misses() {
        return counter(ScheduleCache.METRIC, "result", "miss");
    }

    private void apply(long reservationId, long scheduleId, int seatNo, ReservationStage stage) {
        projecting.apply(UUID.randomUUID().toString(), new SeatChange(reservationId, scheduleId, seatId(scheduleId, seatNo), stage));
    }

    @Test
    void shouldServeTheSecondReadFromTheCache() {
        double hits = hits();
        double misses = misses();

        List<OpenSchedule> first = listing.list();
        assertThat(redis.hasKey(ScheduleCache.KEY)).isTrue();
        List<OpenSchedule> second = listing.list();

        assertThat(second).isEqualTo(first);
        assertThat(misses()).isEqualTo(misses + 1);
        assertThat(hits()).isEqualTo(hits + 1);
        Long ttl = redis.getExpire(ScheduleCache.KEY);
        assertThat(ttl).isPositive().isLessThanOrEqualTo(5);
    }

    @Test
    void shouldServeWhatTheCacheHoldsUntilItIsEvicted() {
        listing.list();
        // Change the view behind the cache's back (no event): the cached list stays as it was.
        jdbc.sql("UPDATE seat_view SET status = 'SOLD' WHERE seat_id = ?").param(seatId(1, 1)).update();

        assertThat(listing.list().get(0).availableSeats()).isEqualTo(SEATS_PER_SCHEDULE);
    }

    @Test
    void shouldEvictTheCachedListWhenAnEventChangesAvailability() {
        listing.list();
        listing.list();
        double misses = misses();

        apply(500, 1, 5, ReservationStage.HELD);

        assertThat(redis.hasKey(ScheduleCache.KEY)).isFalse();
        List<OpenSchedule> after = listing.list();
        assertThat(misses()).isEqualTo(misses + 1);
        assertThat(after.get(0).availableSeats()).isEqualTo(SEATS_PER_SCHEDULE - 1);

        apply(500, 1, 5, ReservationStage.RELEASED);

        assertThat(redis.hasKey(ScheduleCache.KEY)).isFalse();
        assertThat(listing.list().get(0).availableSeats()).isEqualTo(SEATS_PER_SCHEDULE);
    }

    @Test
    void shouldKeepTheCachedListWhenAChangeDoesNotAffectAvailability() {
        apply(501, 1, 6, ReservationStage.HELD);
        listing.list();

        apply(501, 1, 6, ReservationStage.SOLD); // HELD -> SOLD: still not available
        apply(500, 1, 6, ReservationStage.HELD); // stale: older reservation

        assertThat(redis.hasKey(ScheduleCache.KEY)).isTrue();
        assertThat(statusOf(seatId(1, 6))).isEqualTo("SOLD");
    }

    @Test
    void shouldServeItsOwnCopyWithoutRedisUntilTheLocalTtlEnds() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        ScheduleCache cache = new ScheduleCache(redis, json,
                new ScheduleCacheProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(300)), meters);
        int[] databaseReads = {0};
        java.util.function.Supplier<List<OpenSchedule>> database = () -> {
            databaseReads[0]++;
            return queries.openAt(clock.instant());
        };
        List<OpenSchedule> first = cache.read(database);
        // Redis loses the list behind the cache's back (no event): the instance still serves its copy.
        redis.delete(ScheduleCache.KEY);

        assertThat(cache.read(database)).isEqualTo(first);
        assertThat(databaseReads[0]).isEqualTo(1);
        assertThat(meters.get(ScheduleCache.METRIC).tag("result", "hit").counter().count()).isEqualTo(1);

        Thread.sleep(400);
        cache.read(database);
        assertThat(databaseReads[0]).as("the copy expired: Redis is asked again (empty), then the database").isEqualTo(2);
    }

    @Test
    void shouldDropItsOwnCopyWhenEvicted() {
        ScheduleCache cache = new ScheduleCache(redis, json,
                new ScheduleCacheProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                new SimpleMeterRegistry());
        cache.read(() -> queries.openAt(clock.instant()));
        jdbc.sql("UPDATE seat_view SET status = 'SOLD' WHERE seat_id = ?").param(seatId(1, 1)).update();

        cache.evict();

        assertThat(cache.read(() -> queries.openAt(clock.instant())).get(0).availableSeats())
                .isEqualTo(SEATS_PER_SCHEDULE - 1);
    }

    @Test
    void shouldRefuseALocalTtlLongerThanTheRedisTtl() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScheduleCacheProperties(true, Duration.ofSeconds(5),
                        Duration.ofSeconds(2), Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("local-ttl");
    }

    @Test
    void shouldReadTheDatabaseEveryTimeWhenTheCacheIsDisabled() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ScheduleCache disabled = new ScheduleCache(redis, json,
                new ScheduleCacheProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1)), meters);
        int[] databaseReads = {0};

        for (int i = 0; i < 3; i++) {
            List<OpenSchedule> schedules = disabled.read(() -> {
                databaseReads[0]++;
                return queries.openAt(clock.instant());
            });
            assertThat(schedules).hasSize(OPEN_SCHEDULES);
        }

        assertThat(databaseReads[0]).isEqualTo(3);
        assertThat(meters.get(ScheduleCache.METRIC).tag("result", "miss").counter().count()).isEqualTo(3);
        assertThat(meters.get(ScheduleCache.METRIC).tag("result", "hit").counter().count()).isZero();
        assertThat(redis.hasKey(ScheduleCache.KEY)).isFalse();
    }

    @Test
    void shouldServeFromTheDatabaseWhenRedisIsDown() {
        // A real client pointed at a port where no Redis listens.
        LettuceConnectionFactory deadRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        deadRedis.afterPropertiesSet();
        deadRedis.start();
        try {
            MeterRegistry meters = new SimpleMeterRegistry();
            ScheduleCache cache = new ScheduleCache(new StringRedisTemplate(deadRedis), json,
                    new ScheduleCacheProperties(true, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(1)), meters);
            int[] databaseReads = {0};

            for (int i = 0; i < 3; i++) {
                List<OpenSchedule> schedules = cache.read(() -> {
                    databaseReads[0]++;
                    return queries.openAt(clock.instant());
                });
                assertThat(schedules).hasSize(OPEN_SCHEDULES);
            }
            cache.evict(); // must not throw either

            assertThat(databaseReads[0]).isEqualTo(3);
            assertThat(meters.get(ScheduleCache.METRIC).tag("result", "error").counter().count()).isEqualTo(3);
            assertThat(meters.get(ScheduleCache.METRIC).tag("result", "hit").counter().count()).isZero();
        } finally {
            deadRedis.destroy();
        }
    }

    @Test
    void shouldTreatAnUnreadableCachedValueAsAMiss() {
        redis.opsForValue().set(ScheduleCache.KEY, "{not a list", Duration.ofSeconds(5));
        double misses = misses();

        assertThat(listing.list()).hasSize(OPEN_SCHEDULES);

        assertThat(misses()).isEqualTo(misses + 1);
        assertThat(redis.opsForValue().get(ScheduleCache.KEY)).startsWith("[");
    }

    @Test
    void shouldLeaveRedisOutOfTheHealthStatusBecauseTheServiceWorksWithoutIt() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.redis").doesNotExist());
    }

    @Test
    void shouldBindTheCacheSwitchFromConfiguration() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "ticketing.concert.schedule-cache.enabled", "false",
                "ticketing.concert.schedule-cache.ttl", "7s")));

        ScheduleCacheProperties properties = binder.bind("ticketing.concert.schedule-cache", ScheduleCacheProperties.class).get();

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.ttl()).isEqualTo(Duration.ofSeconds(7));
        assertThat(properties.redisRetryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.localTtl()).isEqualTo(Duration.ofSeconds(1));
    }
}
