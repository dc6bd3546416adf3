package com.ticketing.payment;

import com.ticketing.common.event.EventTypes;
import com.ticketing.common.outbox.OutboxRelay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayTest extends PaymentServiceIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    PlatformTransactionManager txManager;

    @Test
    void shouldKeepEventsInTheOutboxWhileKafkaIsUnreachableAndPublishThemOnceItIsBack() throws Exception {
        Lifecycle relayScheduler = context.getBean("outboxRelayScheduler", Lifecycle.class);
        relayScheduler.stop();
        long paymentId;
        DefaultKafkaProducerFactory<String, String> nowhere = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + freePort(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500),
                new StringSerializer(), new StringSerializer());
        try {
            USERS.setBalance(7, 50_000);
            RESERVATIONS.hold(42, 7, 12_000);
            Answer answer = pay(7, 42);
            assertThat(answer.status()).isEqualTo(200); // the payment does not depend on Kafka
            paymentId = answer.data().path("paymentId").asLong();

            // a relay whose broker is unreachable publishes nothing and leaves the row waiting
            OutboxRelay unreachable = new OutboxRelay(jdbcTemplate, new KafkaTemplate<>(nowhere),
                    new TransactionTemplate(txManager), new SimpleMeterRegistry(), 200, Duration.ofSeconds(1));
            assertThat(unreachable.relayPending()).isZero();
            assertThat(unreachable.pending()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id = ?")
                    .param(Long.toString(paymentId)).query(Long.class).single()).isEqualTo(1);
        } finally {
            nowhere.destroy();
            relayScheduler.start();
        }

        assertThat(paymentEvents(paymentId, EventTypes.PAYMENT_COMPLETED, 1)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single())
                .isZero();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
