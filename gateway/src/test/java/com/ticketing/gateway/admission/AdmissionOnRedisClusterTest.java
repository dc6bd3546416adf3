package com.ticketing.gateway.admission;

import com.ticketing.common.auth.QueueReadModel;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.testing.RedisClusterProcesses;
import com.ticketing.gateway.GatewayTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's admission check against a real Redis Cluster (three masters of Debian's redis-server on loopback), as
 * the prod overlay runs it ({@code spring.data.redis.cluster.nodes}): the session check-and-renew script of each room
 * runs on that room's master, for rooms spread over every master, and the token-issue rate limiter works too.
 */
class AdmissionOnRedisClusterTest extends GatewayTest {

    private static final RedisClusterProcesses CLUSTER = RedisClusterProcesses.start(3, 0);
    private static final long SESSION_MS = 600_000;

    @Value("${" + TestRoutes.SECRET_PROPERTY + "}")
    String secret;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.cluster.nodes", () -> String.join(",", CLUSTER.nodes()));
    }

    @AfterAll
    static void stop() {
        CLUSTER.close();
    }

    @Test
    void shouldAdmitAndRenewSessionsOfRoomsOnEveryMasterAndRefuseTheNotAdmitted() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(CLUSTER.nodes()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            StringRedisTemplate redis = new StringRedisTemplate(factory);
            QueueTokenCodec codec = new QueueTokenCodec(secret);
            for (long room = 1; room <= 12; room++) { // rooms 1..12 hash to all three masters
                long userId = 500 + room;
                String tokenId = UUID.randomUUID().toString();
                String activeKey = QueueReadModel.activeKey(room, tokenId);
                // What queue-service writes at admission; a minute of the session has passed, so a request renews it.
                redis.opsForHash().put(QueueReadModel.roomKey(room), QueueReadModel.SESSION_MS_FIELD, Long.toString(SESSION_MS));
                redis.opsForValue().set(activeKey, Long.toString(userId), Duration.ofMillis(SESSION_MS - 60_000));
                redis.opsForZSet().add(QueueReadModel.admittedKey(room), Long.toString(userId),
                        System.currentTimeMillis() + SESSION_MS - 60_000);
                String token = codec.issue(userId, tokenId, room, Duration.ofMinutes(10));

                client.get().uri("/v1/api/concerts/seat?scheduleId=" + room)
                        .header("Authorization", TestRoutes.bearer(userId))
                        .header("X-Queue-Token", token)
                        .exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.rooms[0]").isEqualTo(Long.toString(room));
                assertThat(redis.getExpire(activeKey, TimeUnit.MILLISECONDS)).as("renewed in room %d", room)
                        .isGreaterThan(SESSION_MS - 10_000);

                String waiting = codec.issue(userId + 1000, UUID.randomUUID().toString(), room, Duration.ofMinutes(10));
                client.get().uri("/v1/api/concerts/seat?scheduleId=" + room)
                        .header("Authorization", TestRoutes.bearer(userId + 1000))
                        .header("X-Queue-Token", waiting)
                        .exchange()
                        .expectStatus().isForbidden()
                        .expectBody().jsonPath("$.error.code").isEqualTo("QUEUE_NOT_ADMITTED");
            }

            // The token-issue route's rate limiter (Spring Cloud Gateway's Redis script, keys hash-tagged per user).
            client.post().uri("/v1/api/queue/token")
                    .header("Authorization", TestRoutes.bearer(42))
                    .header("Content-Type", "application/json")
                    .bodyValue("{\"roomId\": 1}")
                    .exchange()
                    .expectStatus().isOk();
        } finally {
            factory.destroy();
        }
    }
}
