package com.ticketing.gateway.routing;

import com.ticketing.gateway.GatewayTest;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.gateway.admission.TestRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.time.Duration;

/**
 * The benchmark-only routes (the {@code bench} profile) that measure the access-token check: the anonymous ping, and
 * the waiting-room check whose user is the verified waiting-room token's (never a header the client wrote).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.profiles.include=bench", "ticketing.bench.ping-static-uri=http://127.0.0.1:1"})
@AutoConfigureWebTestClient
class BenchRoutesTest extends GatewayTest {

    @Value("${ticketing.queue.token-secret}")
    String secret;

    @Test
    void shouldTakeTheUserOfTheBenchCheckFromTheVerifiedWaitingRoomTokenOnly() {
        String token = new QueueTokenCodec(secret).issue(4242, "t-bench", 1, Duration.ofMinutes(5));
        client.post().uri("/bench/queue/token/check")
                .header("X-Queue-Token", token)
                .header("X-User-Id", "1")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.path").isEqualTo("/v1/api/queue/token/check")
                .jsonPath("$.userIds.length()").isEqualTo(1)
                .jsonPath("$.userIds[0]").isEqualTo("4242");
        client.post().uri("/bench/queue/token/check")
                .header("X-Queue-Token", "forged")
                .header("X-User-Id", "1")
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldServeTheAnonymousPingWithoutIdentityAndTheLoggedInOneOnlyWithLogin() {
        client.get().uri("/bench/ping").header("X-User-Id", "1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.userIds.length()").isEqualTo(0);
        client.get().uri("/v1/api/bench/ping").exchange().expectStatus().isUnauthorized();
        client.get().uri("/v1/api/bench/ping").header("Authorization", TestRoutes.bearer(5)).exchange()
                .expectStatus().isOk();
    }
}
