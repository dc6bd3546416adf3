package com.ticketing.queue;

import com.ticketing.common.warmup.WarmedUp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up of a real start (common.warmup.WarmUp) with queue-service's own request list: every request is sent
 * over its real port before the process reports ready, and nothing is left behind in Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.warm-up.enabled=true",
        "ticketing.warm-up.rounds=" + WarmUpTest.ROUNDS,
        "ticketing.warm-up.duration=60s",
        "ticketing.queue.demo-rooms=1"})
class WarmUpTest {

    static final int ROUNDS = 30;
    private static final long WARM_UP_USER = 9007199254740991L;

    /** What happened at start, in order: "warmed-up:<requests>" and "readiness:<state>:<rooms requests served>". */
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Recorder {
        @Bean
        ApplicationListener<WarmedUp> warmedUpRecorder() {
            return event -> EVENTS.add("warmed-up:" + event.requests());
        }

        @Bean
        ApplicationListener<AvailabilityChangeEvent<?>> readinessRecorder(MeterRegistry meters) {
            return event -> {
                if (event.getState() instanceof ReadinessState state) {
                    EVENTS.add("readiness:" + state + ":" + served(meters, "/v1/api/queue/rooms"));
                }
            };
        }
    }

    @Autowired
    MeterRegistry meters;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void shouldSendEveryWarmUpRequestBeforeReportingReady() {
        int perRound = 4; // queue-service's ticketing.warm-up.requests
        assertThat(EVENTS).containsExactly(
                "warmed-up:" + ROUNDS * perRound,
                "readiness:" + ReadinessState.ACCEPTING_TRAFFIC + ":" + ROUNDS);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(served(meters, "/v1/api/queue/token/check")).isEqualTo(ROUNDS);
    }

    @Test
    void shouldLeaveNothingBehind() {
        // The token issue for a room that does not exist claimed and released it for a user id no account has.
        assertThat(TestRedis.keys(redis, "queue:user-rooms:{user-" + WARM_UP_USER + "}")).isEmpty();
        assertThat(TestRedis.keys(redis, "queue:{room-9007199254740991}*")).isEmpty();
    }

    private static long served(MeterRegistry meters, String uri) {
        return meters.find("http.server.requests").tag("uri", uri).timers().stream()
                .mapToLong(t -> t.count()).sum();
    }
}
