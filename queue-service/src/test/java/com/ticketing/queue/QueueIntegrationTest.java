package com.ticketing.queue;

import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.testing.MutableClock;
import com.ticketing.queue.admission.AdmittingUsers;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.AdmissionSettings;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import com.ticketing.queue.domain.persistence.QueueClock;
import com.ticketing.queue.domain.persistence.QueueStore;
import com.ticketing.queue.domain.persistence.RoomKeys;
import com.ticketing.queue.room.OperatingRooms;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One application context for the queue-service integration tests: real Redis (database 1, the module's
 * test database), an embedded Kafka broker, concert-service stubbed on a loopback port, and the scripts' clock under
 * the tests' control ({@link #clock}: the system time plus whatever a test advanced). Every test starts with no
 * rooms and the clock reset.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(ControllableClock.class)
public abstract class QueueIntegrationTest {

    protected static final MutableClock CLOCK = MutableClock.ticking();
    protected static final ConcertStub CONCERT = new ConcertStub();

    @DynamicPropertySource
    static void concertService(DynamicPropertyRegistry registry) {
        registry.add("ticketing.clients.concert.base-url", CONCERT::url);
        registry.add("ticketing.clients.concert.load-balanced", () -> "false");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected QueueStore store;
    @Autowired
    protected AdmittingUsers admitting;
    @Autowired
    protected OperatingRooms operating;
    @Autowired
    protected QueueTokenCodec codec;
    @Autowired
    private LettuceConnectionFactory connectionFactory;

    protected QueueHttp http;

    @BeforeEach
    void emptyWaitingRooms() {
        assertThat(connectionFactory.getDatabase()).as("tests must only touch Redis database 1").isEqualTo(1);
        TestRedis.deleteQueueKeys(redis);
        CLOCK.reset();
        CONCERT.reset();
        http = new QueueHttp(port);
    }

    /** An OPEN room with these limits (no schedule lookup). */
    protected long openRoom(long roomId, int maxActiveUsers, int newUsersPerMinute, int sessionSeconds) {
        operating.create(null, new Room(roomId, "Room " + roomId, RoomState.OPEN, CLOCK.instant(), null, null,
                new RoomLimits(maxActiveUsers, newUsersPerMinute, sessionSeconds)));
        return roomId;
    }

    /** An OPEN room with generous limits. */
    protected long openRoom(long roomId) {
        return openRoom(roomId, 10_000, 6_000_000, 600);
    }

    /** A PRE_QUEUE room whose sale starts at {@code saleStartsAt}. */
    protected long preQueueRoom(long roomId, Instant saleStartsAt) {
        operating.create(null, new Room(roomId, "Room " + roomId, RoomState.PRE_QUEUE, saleStartsAt, null, null,
                new RoomLimits(10_000, 6_000_000, 600)));
        return roomId;
    }

    protected static AdmissionSettings settings(Duration idleTimeout) {
        return new AdmissionSettings(idleTimeout, 500, 1000, Duration.ofSeconds(20), Duration.ofMillis(500));
    }

    /** One admission step with a 10-minute idle timeout. */
    protected AdmissionResult admit(long roomId) {
        return admitting.admit(roomId, settings(Duration.ofMinutes(10)));
    }

    protected RoomKeys keys(long roomId) {
        return RoomKeys.of(roomId);
    }
}
