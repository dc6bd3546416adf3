package com.ticketing.gateway.admission;

import com.ticketing.gateway.GatewayTest;
import com.ticketing.common.auth.QueueTokenCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission filter on the real routes of application.yml, against the shared Redis (database 3) and a
 * real upstream that echoes the identity headers it receives.
 */
class AdmissionFilterTest extends GatewayTest {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    LettuceConnectionFactory connectionFactory;
    @Value("${" + TestRoutes.SECRET_PROPERTY + "}")
    String secret;

    private QueueTokenCodec codec;

    @BeforeEach
    void setUp() {
        assertThat(connectionFactory.getDatabase()).as("gateway tests only touch Redis database 3").isEqualTo(3);
        codec = new QueueTokenCodec(secret);
    }

    private String admittedToken(long userId) {
        String tokenId = UUID.randomUUID().toString();
        redis.opsForValue().set(AdmissionGatewayFilterFactory.ACTIVE_KEY_PREFIX + tokenId, Long.toString(userId),
                Duration.ofMinutes(1));
        return codec.issue(userId, tokenId, Duration.ofMinutes(10));
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /v1/api/concerts/schedule",
            "GET, /v1/api/concerts/seat?scheduleId=1",
            "POST, /v1/api/concerts/reserve",
            "POST, /v1/api/concerts/payment"})
    void shouldPassAnAdmittedUserWithTheIdentityFromTheTokensReplacingClientCopies(String method, String path) {
        String token = admittedToken(4242);
        String tokenId = codec.verify(token).tokenId();

        client.method(HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", TestRoutes.bearer(4242))
                .header("X-Queue-Token", token)
                .header("X-User-Id", "1")
                .header("X-User-Roles", "ADMIN")
                .header("X-Queue-Token-Id", "someone-elses-token")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userIds.length()").isEqualTo(1)
                .jsonPath("$.userIds[0]").isEqualTo("4242")
                .jsonPath("$.roles[0]").isEqualTo("USER")
                .jsonPath("$.tokenIds.length()").isEqualTo(1)
                .jsonPath("$.tokenIds[0]").isEqualTo(tokenId);
    }

    @Test
    void shouldRefuseAnotherUsersAdmittedWaitingRoomTokenWith401() {
        String victims = admittedToken(77);
        int before = UPSTREAM.calls();

        client.post().uri("/v1/api/concerts/reserve")
                .header("Authorization", TestRoutes.bearer(78))
                .header("X-Queue-Token", victims)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_TOKEN");
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnAccessTokenUsedAsWaitingRoomTokenAndTheReverseWith401() {
        String waitingRoom = admittedToken(79);
        int before = UPSTREAM.calls();

        client.get().uri("/v1/api/concerts/schedule")
                .header("Authorization", TestRoutes.bearer(79))
                .header("X-Queue-Token", TestTokens.user(79))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_TOKEN");
        client.get().uri("/v1/api/concerts/schedule")
                .header("Authorization", "Bearer " + waitingRoom)
                .header("X-Queue-Token", waitingRoom)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_TOKEN");
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAValidTokenThatIsStillWaitingWith403() {
        String waiting = codec.issue(7, UUID.randomUUID().toString(), Duration.ofMinutes(10));
        int before = UPSTREAM.calls();

        client.post().uri("/v1/api/concerts/reserve")
                .header("Authorization", TestRoutes.bearer(7))
                .header("X-Queue-Token", waiting)
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType("application/json")
                .expectBody().jsonPath("$.error.code").isEqualTo("QUEUE_NOT_ADMITTED");
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }

    @Test
    void shouldRefuseATokenWhoseActiveEntryBelongsToAnotherUser() {
        String tokenId = UUID.randomUUID().toString();
        redis.opsForValue().set(AdmissionGatewayFilterFactory.ACTIVE_KEY_PREFIX + tokenId, "8", Duration.ofMinutes(1));
        String impostor = codec.issue(9, tokenId, Duration.ofMinutes(10));

        client.post().uri("/v1/api/concerts/payment")
                .header("Authorization", TestRoutes.bearer(9))
                .header("X-Queue-Token", impostor)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("QUEUE_NOT_ADMITTED");
    }

    @Test
    void shouldRefuseMissingMalformedForgedAndExpiredWaitingRoomTokensWith401() {
        String tokenId = UUID.randomUUID().toString();
        redis.opsForValue().set(AdmissionGatewayFilterFactory.ACTIVE_KEY_PREFIX + tokenId, "3", Duration.ofMinutes(1));
        String forged = TestTokens.forgedQueueToken(3, tokenId);
        String expired = TestTokens.expiredQueueToken(secret, 3, tokenId);
        int before = UPSTREAM.calls();

        client.get().uri("/v1/api/concerts/schedule").header("Authorization", TestRoutes.bearer(3)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_TOKEN");
        for (String bad : new String[]{"garbage", "Bearer ", "a.b.c", forged, "Bearer " + forged, expired}) {
            client.get().uri("/v1/api/concerts/schedule")
                    .header("Authorization", TestRoutes.bearer(3))
                    .header("X-Queue-Token", bad)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType("application/json")
                    .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_TOKEN");
        }
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }

    @Test
    void shouldRequireLoginOnTheQueueRoutesAndStripClientIdentityHeaders() {
        client.post().uri("/v1/api/queue/token/check")
                .header("X-User-Id", "1")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
        client.post().uri("/v1/api/queue/token/check")
                .header("Authorization", TestRoutes.bearer(12))
                .header("X-User-Id", "1")
                .header("X-Queue-Token-Id", "forged")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userIds.length()").isEqualTo(1)
                .jsonPath("$.userIds[0]").isEqualTo("12")
                .jsonPath("$.tokenIds.length()").isEqualTo(0);
    }

    @Test
    void shouldStripClientIdentityHeadersOnPublicRoutes() {
        client.post().uri("/v1/api/user/accounts")
                .header("X-User-Id", "1")
                .header("X-User-Roles", "ADMIN")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userIds.length()").isEqualTo(0)
                .jsonPath("$.roles.length()").isEqualTo(0);
    }

    @Test
    void shouldLetAUserReadOwnReservationsAndPaymentsWithoutAdmission() {
        for (String path : new String[]{"/v1/api/concerts/reservations/5", "/v1/api/concerts/payment/6"}) {
            client.get().uri(path)
                    .header("Authorization", TestRoutes.bearer(13))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.userIds[0]").isEqualTo("13");
        }
    }
}
