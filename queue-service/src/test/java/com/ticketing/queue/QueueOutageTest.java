package com.ticketing.queue;

import com.ticketing.common.testing.PrivateRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service without its infrastructure: Kafka unreachable from the start (it must still start and serve,
 * admitting users of its demo rooms on its own timer), then Redis gone (503 JSON with Retry-After, never a 500). Uses a private
 * redis-server that this class kills.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.queue.admission.scheduler-enabled=true",
        "ticketing.queue.admission.interval=100ms",
        "ticketing.queue.demo-rooms=1-3"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueueOutageTest {

    private static final PrivateRedis REDIS = PrivateRedis.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", REDIS::port);
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + PrivateRedis.freePort());
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        REDIS.close();
    }

    @Test
    @Order(1)
    void shouldStartServeAndAdmitUsersWhileKafkaIsUnreachable() {
        QueueHttp http = new QueueHttp(port);
        QueueHttp.Reply issued = http.issue(77, 2);
        assertThat(issued.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "PROGRESS".equals(http.check(issued.token()).data().get("status").asString()));
    }

    @Test
    @Order(2)
    void shouldAnswer503JsonWithRetryAfterWhenRedisIsDown() throws Exception {
        QueueHttp http = new QueueHttp(port);
        String token = http.issue(78, 2).token();
        REDIS.kill();

        for (QueueHttp.Reply r : new QueueHttp.Reply[]{http.issue(79, 3), http.check(token), http.leave(token)}) {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.errorCode()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(r.raw().headers().firstValue("Retry-After")).isPresent();
        }
        // Bad input is still a client mistake, answered without Redis.
        assertThat(http.postJson("/v1/api/queue/token", "{\"roomId\": -5}", 1).status()).isEqualTo(400);
    }
}
