package com.ticketing.gateway.ratelimit;

import com.ticketing.gateway.GatewayTest;
import com.ticketing.gateway.admission.TestRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The token-issue route's Redis rate limits (Redis database 3) in front of a real echo upstream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ticketing.rate-limit.per-user.replenish-rate=1",
        "ticketing.rate-limit.per-user.burst-capacity=2",
        "ticketing.rate-limit.per-address.replenish-rate=1000",
        "ticketing.rate-limit.per-address.burst-capacity=1000"})
@AutoConfigureWebTestClient
class TokenIssueRateLimitTest extends GatewayTest {

    private WebTestClient.ResponseSpec issue(long userId, String body) {
        return client.post().uri("/v1/api/queue/token").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", TestRoutes.bearer(userId))
                .bodyValue(body).exchange();
    }

    @Test
    void shouldRefuseAUserHammeringTokenIssueWith429JsonAndRetryAfter() {
        long userId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        int passed = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            var result = issue(userId, "{}").returnResult(String.class);
            int status = result.getStatus().value();
            if (status == 200) {
                passed++;
            } else {
                assertThat(status).isEqualTo(429);
                assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
                assertThat(result.getResponseBody().blockFirst()).contains("\"code\":\"RATE_LIMITED\"");
                limited++;
            }
        }
        assertThat(passed).as("the burst of 2 passes").isBetween(2, 3);
        assertThat(limited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldKeyTheUserLimitOnTheLoggedInUserNeverOnTheBody() {
        long userId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        int limited = 0;
        // Each body names another user, in ways a text match would read differently; the limit is the caller's.
        for (int i = 0; i < 8; i++) {
            String body = i % 2 == 0 ? "{\"user\\u0049d\":" + (userId + i + 1) + "}" : "{\"userId\":" + (userId + i + 1) + "}";
            if (issue(userId, body).returnResult(String.class).getStatus().value() == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldLetOtherUsersThroughAndForwardTheBodyIntact() {
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        for (int i = 0; i < 5; i++) {
            String body = "{\"userId\":" + (base + i) + "}";
            issue(base + i, body).expectStatus().isOk()
                    .expectBody().jsonPath("$.bodyLength").isEqualTo(body.length());
        }
    }

    @Test
    void shouldRefuseTokenIssueWithoutLoginBeforeAnyRateLimitOrUpstreamCall() {
        client.post().uri("/v1/api/queue/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":4242}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void shouldNotRateLimitTokenChecks() {
        for (int i = 0; i < 6; i++) {
            client.post().uri("/v1/api/queue/token/check").header("Authorization", TestRoutes.bearer(31))
                    .exchange().expectStatus().isOk();
        }
    }
}
