package com.ticketing.concert;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.event.Topics;
import com.ticketing.concert.schedule.persistence.ScheduleCache;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One application context for every integration test: the real MariaDB schema {@code concert_service_test} (Flyway
 * demo data), Redis database 2 and an embedded KRaft Kafka broker. Each test starts from the seeded state: every
 * seat untouched, no processed events, no cached schedule list.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, topics = Topics.RESERVATION_EVENTS)
public abstract class IntegrationTest {

    /** Demo data (V2__demo_data.sql). */
    protected static final int SEATS_PER_SCHEDULE = 50;
    protected static final int OPEN_SCHEDULES = 24;
    protected static final long FIRST_PAST_SCHEDULE = 25;
    protected static final long LAST_PAST_SCHEDULE = 28;
    protected static final long FIRST_UNOPENED_SCHEDULE = 29;
    protected static final long LAST_SCHEDULE = 30;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected MeterRegistry meters;
    @Autowired
    private ScheduleCache scheduleCache;

    @BeforeEach
    void startFromTheSeededState() {
        jdbc.sql("UPDATE seat_view SET status = 'AVAILABLE', reservation_id = 0, reservation_stage = 'NONE', updated_at = NULL")
                .update();
        jdbc.sql("DELETE FROM processed_event").update();
        redis.delete(ScheduleCache.KEY);
        scheduleCache.evict(); // and the instance's own copy
    }

    /** The request as the gateway forwards it for a caller admitted to {@code roomId}'s waiting room. */
    protected static MockHttpServletRequestBuilder admittedTo(long roomId, MockHttpServletRequestBuilder request) {
        return request.header(AuthHeaders.QUEUE_ROOM, Long.toString(roomId));
    }

    protected static long seatId(long scheduleId, int seatNo) {
        return (scheduleId - 1) * SEATS_PER_SCHEDULE + seatNo;
    }

    protected double counter(String name, String tag, String value) {
        return meters.get(name).tag(tag, value).counter().count();
    }

    protected String statusOf(long seatId) {
        return jdbc.sql("SELECT status FROM seat_view WHERE seat_id = ?").param(seatId).query(String.class).single();
    }
}
