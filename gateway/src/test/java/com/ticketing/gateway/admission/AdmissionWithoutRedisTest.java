package com.ticketing.gateway.admission;

import com.ticketing.common.testing.PrivateRedis;
import com.ticketing.gateway.GatewayTest;
import com.ticketing.common.auth.QueueReadModel;
import com.ticketing.common.auth.QueueTokenCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission filter with a private redis-server that this class inspects, pauses and kills: bad tokens
 * never cost a Redis call; a slow or dead Redis means 503, never a pass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdmissionWithoutRedisTest extends GatewayTest {

    private static final PrivateRedis REDIS = PrivateRedis.start();

    @Value("${" + TestRoutes.SECRET_PROPERTY + "}")
    String secret;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", REDIS::port);
        // The production bound (application.yml), which the tests here are about; the test profile's is generous.
        registry.add("ticketing.admission.redis-timeout", () -> "300ms");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        REDIS.close();
    }

    @Test
    @Order(1)
    void shouldRejectForgedMalformedAndExpiredTokensWithoutAnyRedisCall() {
        String forged = TestTokens.forgedQueueToken(3, "t-1", 1);
        String expired = TestTokens.expiredQueueToken(secret, 3, "t-1", 1);
        assertThat(REDIS.command("CONFIG RESETSTAT")).startsWith("+OK");

        for (String bad : new String[]{"garbage", "a.b.c", forged, expired}) {
            client.get().uri("/v1/api/concerts/schedule")
                    .header("Authorization", TestRoutes.bearer(3))
                    .header("X-Queue-Token", bad)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_TOKEN");
        }
        assertThat(REDIS.getCalls()).isZero();

        // The same measurement sees the one check (its GET of the room's active key) of a well-signed token.
        client.get().uri("/v1/api/concerts/schedule")
                .header("Authorization", TestRoutes.bearer(3))
                .header("X-Queue-Token", new QueueTokenCodec(secret).issue(3, "t-1", 1, Duration.ofMinutes(10)))
                .exchange()
                .expectStatus().isForbidden();
        assertThat(REDIS.getCalls()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void shouldAnswer503WhenRedisIsTooSlowToTell() {
        String token = new QueueTokenCodec(secret).issue(4, "t-2", 1, Duration.ofMinutes(10));
        REDIS.command("SELECT 3\r\nSET " + QueueReadModel.activeKey(1, "t-2") + " 4 PX 600000");
        int before = UPSTREAM.calls();

        assertThat(REDIS.pause(1500)).isEqualTo("+OK");
        client.get().uri("/v1/api/concerts/schedule")
                .header("Authorization", TestRoutes.bearer(4))
                .header("X-Queue-Token", token)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void shouldAnswer503AndNeverPassWhenRedisIsDown() throws Exception {
        String token = new QueueTokenCodec(secret).issue(5, "t-3", 1, Duration.ofMinutes(10));
        // waits for the pause of the previous test to end
        REDIS.command("SELECT 3\r\nSET " + QueueReadModel.activeKey(1, "t-3") + " 5 PX 600000");
        REDIS.kill();
        int before = UPSTREAM.calls();

        for (int i = 0; i < 3; i++) {
            client.post().uri("/v1/api/concerts/payment")
                    .header("Authorization", TestRoutes.bearer(5))
                    .header("X-Queue-Token", token)
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals("Retry-After", "1")
                    .expectHeader().contentType("application/json")
                    .expectBody().jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
        }
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }
}
