package com.ticketing.payment;

import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import com.ticketing.payment.stub.ReservationServiceStub;
import com.ticketing.payment.stub.UserServiceStub;
import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shared set-up of the integration tests: the real application on a random port, the real MariaDB schema
 * {@code payment_service_test}, an embedded Kafka broker, and real HTTP stand-ins for user-service and
 * reservation-service found through (simple) discovery by the load-balanced clients. Every test class extends
 * this one unchanged, so they all share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class PaymentServiceIntegrationTest {

    protected static final UserServiceStub USERS = (UserServiceStub) new UserServiceStub().start();
    protected static final ReservationServiceStub RESERVATIONS =
            (ReservationServiceStub) new ReservationServiceStub().start();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.user-service[0].uri", USERS::url);
        registry.add("spring.cloud.discovery.client.simple.instances.reservation-service[0].uri", RESERVATIONS::url);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected EmbeddedKafkaBroker broker;
    @Autowired
    protected EventJson eventJson;
    @Autowired
    protected Resilience4JCircuitBreakerFactory breakers;

    protected final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void cleanSlate() throws Exception {
        assertNoOtherProcessUsesTheSchema();
        USERS.up();
        RESERVATIONS.up();
        USERS.reset();
        RESERVATIONS.reset();
        USERS.forgetContractViolations();
        RESERVATIONS.forgetContractViolations();
        jdbc.sql("DELETE FROM payment").update();
        jdbc.sql("DELETE FROM outbox_event").update();
        jdbc.sql("DELETE FROM processed_event").update();
        CircuitBreakerRegistry registry = breakers.getCircuitBreakerRegistry();
        registry.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
    }

    /**
     * These tests own the schema while they run: they empty its tables, and another payment-service on the same
     * schema (e.g. the native local stack left running) would relay their outbox rows to its own Kafka and
     * reconcile their payments against the real services. Fail with the reason instead of flaking.
     */
    private void assertNoOtherProcessUsesTheSchema() throws Exception {
        long sessions = jdbc.sql("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()")
                .query(Long.class).single();
        int ours = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getTotalConnections();
        if (sessions > ours) {
            throw new IllegalStateException((sessions - ours) + " database session(s) of another process use the "
                    + "payment_service_test schema (another test run?); "
                    + "these tests need it to themselves");
        }
    }

    // ------------------------------------------------------------------ HTTP

    public record Answer(int status, JsonNode body) {
        public JsonNode data() {
            return body.path("data");
        }

        public String errorCode() {
            return body.path("error").path("code").asString();
        }
    }

    protected Answer pay(long userId, long reservationId) {
        return pay(userId, reservationId, null);
    }

    /** A payment by a payer the gateway admitted to the reservation's schedule's waiting room. */
    protected Answer pay(long userId, long reservationId, String idempotencyKey) {
        ReservationServiceStub.Reservation held = RESERVATIONS.reservation(reservationId);
        return payAdmittedTo(held == null ? ReservationServiceStub.SCHEDULE : held.scheduleId(), userId, reservationId,
                idempotencyKey);
    }

    /** A payment by a payer the gateway admitted to the waiting room {@code roomId} ({@code X-Queue-Room}). */
    protected Answer payAdmittedTo(long roomId, long userId, long reservationId, String idempotencyKey) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("X-User-Id", Long.toString(userId),
                "X-Queue-Room", Long.toString(roomId)));
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return post("/v1/api/concerts/payment", "{\"reservationId\": " + reservationId + "}", headers);
    }

    protected Answer post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    protected Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/json")) {
                throw new AssertionError("not JSON (" + contentType + "): " + response.statusCode() + " " + response.body());
            }
            return new Answer(response.statusCode(), json.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ database

    protected String status(long paymentId) {
        return jdbc.sql("SELECT status FROM payment WHERE id = ?").param(paymentId).query(String.class).single();
    }

    protected long paymentCount() {
        return jdbc.sql("SELECT COUNT(*) FROM payment").query(Long.class).single();
    }

    protected long outboxCount(String eventType, long paymentId) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND aggregate_id = ?")
                .params(eventType, Long.toString(paymentId)).query(Long.class).single();
    }

    /** Every request payment-service sent the stubs fit the contract samples of user- and reservation-service. */
    @AfterEach
    void requestsKeptToTheContracts() {
        assertThat(USERS.contractViolations()).as("requests to user-service off the contract").isEmpty();
        assertThat(RESERVATIONS.contractViolations()).as("requests to reservation-service off the contract").isEmpty();
    }

    /** The envelope (JSON) of the one outbox event of {@code eventType} for the payment. */
    protected String outboxEnvelope(String eventType, long paymentId) {
        return jdbc.sql("SELECT envelope FROM outbox_event WHERE event_type = ? AND aggregate_id = ?")
                .params(eventType, Long.toString(paymentId)).query(String.class).single();
    }

    protected long outboxCount() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
    }

    protected long onlyPaymentId() {
        return jdbc.sql("SELECT id FROM payment").query(Long.class).single();
    }

    // ------------------------------------------------------------------ Kafka

    /** Reads {@code topic} from the beginning until {@code until} holds for what was read (or fails after 20 s). */
    protected List<ConsumerRecord<String, String>> readUntil(String topic,
                                                            Predicate<List<ConsumerRecord<String, String>>> until) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (Consumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return until.test(read);
            });
        }
        return read;
    }

    protected List<EventEnvelope> paymentEvents(long paymentId, String type, int atLeast) {
        List<ConsumerRecord<String, String>> records = readUntil(Topics.PAYMENT_EVENTS, read -> read.stream()
                .filter(r -> Long.toString(paymentId).equals(r.key()))
                .filter(r -> eventJson.read(r.value()).type().equals(type)).count() >= atLeast);
        return records.stream()
                .filter(r -> Long.toString(paymentId).equals(r.key()))
                .map(r -> eventJson.read(r.value()))
                .filter(e -> e.type().equals(type))
                .toList();
    }
}
