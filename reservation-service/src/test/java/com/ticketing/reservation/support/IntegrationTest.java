package com.ticketing.reservation.support;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.testing.MutableClock;
import com.ticketing.reservation.catalog.ConcertCatalog;
import com.ticketing.reservation.paymentlock.PaymentStates;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import javax.sql.DataSource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * One application context for every integration test (same configuration, so Spring caches it): the real
 * MariaDB schema {@code reservation_service_test}, an embedded Kafka broker (KRaft, real broker code), and a real
 * HTTP stub of concert-service that the load-balanced client finds under the service id {@code concert-service}
 * (simple discovery, Eureka off), and one of payment-service's payment lookup under {@code payment-service}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(IntegrationTest.TestClockConfig.class)
public abstract class IntegrationTest {

    protected static final CatalogStub CATALOG = CatalogStub.start();
    protected static final PaymentsStub PAYMENTS = PaymentsStub.start();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void catalogStub(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.concert-service[0].uri", CATALOG::url);
        registry.add("spring.cloud.discovery.client.simple.instances.payment-service[0].uri", PAYMENTS::url);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfig {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.ticking();
        }
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected ConcertCatalog catalog;
    @Autowired
    protected CircuitBreakerRegistry breakers;
    @Autowired
    protected EventJson eventJson;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @BeforeEach
    void cleanSlate() throws Exception {
        assertNoOtherProcessUsesTheSchema();
        // DELETE, not TRUNCATE: reservation ids keep growing, so events of earlier tests never match later ones.
        jdbc.update("DELETE FROM reservation");
        jdbc.update("DELETE FROM hold_owner");
        jdbc.update("DELETE FROM processed_event");
        jdbc.update("DELETE FROM refused_payment_lock");
        clock.reset();
        PAYMENTS.reset();
        CATALOG.reset();
        catalog.evictAll();
        breakers.circuitBreaker(ConcertCatalog.SERVICE).reset();
        breakers.circuitBreaker(PaymentStates.SERVICE).reset();
    }

    /**
     * These tests own the schema while they run: they empty its tables, and another reservation-service on the
     * same schema (e.g. the native local stack left running) would relay their outbox rows to its own Kafka and
     * sweep their holds. Fail with the reason instead of flaking.
     */
    private void assertNoOtherProcessUsesTheSchema() throws Exception {
        Long sessions = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()", Long.class);
        int ours = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getTotalConnections();
        if (sessions != null && sessions > ours) {
            throw new IllegalStateException((sessions - ours) + " database session(s) of another process use the "
                    + "reservation_service_test schema (another test run?); these tests need it to themselves");
        }
    }

    protected EventsProbe events() {
        return new EventsProbe(bootstrapServers, eventJson);
    }

    /** A hold by {@code userId}, admitted (as the gateway forwards it) to the schedule's own waiting room. */
    protected MvcResult reserve(long userId, long scheduleId, long seatId) throws Exception {
        return reserveAdmittedTo(scheduleId, userId, scheduleId, seatId);
    }

    /** A hold by {@code userId} whom the gateway admitted to the waiting room {@code roomId}. */
    protected MvcResult reserveAdmittedTo(long roomId, long userId, long scheduleId, long seatId) throws Exception {
        return mvc.perform(post("/v1/api/concerts/reserve")
                        .header(AuthHeaders.USER_ID, userId)
                        .header(AuthHeaders.QUEUE_ROOM, roomId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scheduleId\":" + scheduleId + ",\"seatId\":" + seatId + "}"))
                .andReturn();
    }

    /** Holds {@code seatId} (in its demo schedule) for {@code userId}; returns the reservation id. */
    protected long hold(long userId, long seatId) throws Exception {
        MvcResult result = reserve(userId, CatalogStub.scheduleOf(seatId), seatId);
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("hold failed: " + result.getResponse().getContentAsString());
        }
        return body(result).path("data").path("reservationId").asLong();
    }

    /** payment-service's lock for a payer admitted to the reservation's own schedule's room. */
    protected MvcResult lock(long reservationId, long userId, long paymentId) throws Exception {
        long room = jdbc.query("SELECT schedule_id FROM reservation WHERE id = ?",
                rs -> rs.next() ? rs.getLong(1) : 1L, reservationId);
        return lock(reservationId, userId, paymentId, room);
    }

    protected MvcResult lock(long reservationId, long userId, long paymentId, long roomId) throws Exception {
        return mvc.perform(post("/internal/reservations/{id}/payment-lock", reservationId)
                        .contentType(MediaType.APPLICATION_JSON)
                        // as payment-service sends it (common's contract sample)
                        .content(Contracts.sampleJson("reservation-service/lock-request",
                                Map.of("userId", userId, "paymentId", paymentId, "roomId", roomId))))
                .andReturn();
    }

    protected MvcResult unlock(long reservationId, long paymentId) throws Exception {
        return mvc.perform(delete("/internal/reservations/{id}/payment-lock/{paymentId}", reservationId, paymentId))
                .andReturn();
    }

    protected static JsonNode body(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    protected static String errorCode(MvcResult result) throws Exception {
        return body(result).path("error").path("code").asString();
    }

    protected String statusOf(long reservationId) {
        return jdbc.queryForObject("SELECT status FROM reservation WHERE id = ?", String.class, reservationId);
    }

    protected int outboxCount(String type, long reservationId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?",
                Integer.class, type, Long.toString(reservationId));
        return n == null ? 0 : n;
    }
}
