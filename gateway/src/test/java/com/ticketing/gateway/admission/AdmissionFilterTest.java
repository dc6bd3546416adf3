package com.ticketing.gateway.admission;

import com.ticketing.gateway.GatewayTest;
import com.ticketing.common.auth.QueueReadModel;
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
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission filter on the real routes of application.yml, against the shared Redis (database 3) and a
 * real upstream that echoes the identity headers it receives. The read model is written here as queue-service writes
 * it (docs/contracts.md "Waiting rooms"): per room, the active key of the token, the admitted set and the room's
 * session length.
 */
class AdmissionFilterTest extends GatewayTest {

    /** The rooms' session length in these tests (the room hash's {@code sessionMs}); the renewal step is 30 s. */
    private static final long SESSION_MS = 600_000;
    private static final long RENEW_STEP_MS = 30_000;

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

    /** A room of its own for each test: nothing another test wrote is in its keys. */
    private static long freshRoom() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    }

    private String admittedToken(long userId) {
        return admittedToken(userId, freshRoom());
    }

    /** Admits a new token of {@code userId} in {@code roomId}, with its whole session ahead. */
    private String admittedToken(long userId, long roomId) {
        String tokenId = UUID.randomUUID().toString();
        admit(userId, roomId, tokenId, SESSION_MS);
        return codec.issue(userId, tokenId, roomId, Duration.ofMinutes(10));
    }

    /** What queue-service's admission writes: the active key (TTL = the session left) and the admitted set. */
    private void admit(long userId, long roomId, String tokenId, long remainingMs) {
        redis.opsForHash().put(QueueReadModel.roomKey(roomId), QueueReadModel.SESSION_MS_FIELD, Long.toString(SESSION_MS));
        redis.opsForValue().set(QueueReadModel.activeKey(roomId, tokenId), Long.toString(userId),
                Duration.ofMillis(remainingMs));
        redis.opsForZSet().add(QueueReadModel.admittedKey(roomId), Long.toString(userId),
                System.currentTimeMillis() + remainingMs);
        redis.expire(QueueReadModel.roomKey(roomId), Duration.ofMinutes(15)); // the test's rooms clean up after it
        redis.expire(QueueReadModel.admittedKey(roomId), Duration.ofMinutes(15));
    }

    private Long ttlMillis(String key) {
        return redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private Double sessionEnd(long roomId, long userId) {
        return redis.opsForZSet().score(QueueReadModel.admittedKey(roomId), Long.toString(userId));
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /v1/api/concerts/schedule",
            "GET, /v1/api/concerts/seat?scheduleId=1",
            "POST, /v1/api/concerts/reserve",
            "POST, /v1/api/concerts/payment"})
    void shouldPassAnAdmittedUserWithTheIdentityAndRoomFromTheTokensReplacingClientCopies(String method, String path) {
        long room = freshRoom();
        String token = admittedToken(4242, room);
        String tokenId = codec.verify(token).tokenId();

        client.method(HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", TestRoutes.bearer(4242))
                .header("X-Queue-Token", token)
                .header("X-User-Id", "1")
                .header("X-User-Roles", "ADMIN")
                .header("X-Queue-Token-Id", "someone-elses-token")
                .header("X-Queue-Room", "1")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userIds.length()").isEqualTo(1)
                .jsonPath("$.userIds[0]").isEqualTo("4242")
                .jsonPath("$.roles[0]").isEqualTo("USER")
                .jsonPath("$.tokenIds.length()").isEqualTo(1)
                .jsonPath("$.tokenIds[0]").isEqualTo(tokenId)
                .jsonPath("$.rooms.length()").isEqualTo(1)
                .jsonPath("$.rooms[0]").isEqualTo(Long.toString(room));
    }

    @Test
    void shouldLookUpTheTokensOwnRoomOnly() {
        long roomA = freshRoom();
        long roomB = roomA + 1;
        String tokenId = UUID.randomUUID().toString();
        admit(21, roomA, tokenId, SESSION_MS);
        redis.opsForHash().put(QueueReadModel.roomKey(roomB), QueueReadModel.SESSION_MS_FIELD, Long.toString(SESSION_MS));
        String inRoomB = codec.issue(21, tokenId, roomB, Duration.ofMinutes(10));
        int before = UPSTREAM.calls();

        // The same place id, admitted in room A: a token of room B is checked against room B's read model only.
        client.post().uri("/v1/api/concerts/reserve")
                .header("Authorization", TestRoutes.bearer(21))
                .header("X-Queue-Token", inRoomB)
                .header("X-Queue-Room", Long.toString(roomA))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("QUEUE_NOT_ADMITTED");
        assertThat(UPSTREAM.calls()).isEqualTo(before);

        client.post().uri("/v1/api/concerts/reserve")
                .header("Authorization", TestRoutes.bearer(21))
                .header("X-Queue-Token", codec.issue(21, tokenId, roomA, Duration.ofMinutes(10)))
                .header("X-Queue-Room", Long.toString(roomB))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.rooms[0]").isEqualTo(Long.toString(roomA));
    }

    @Test
    void shouldRenewTheSessionOnActivityOncePerStep() {
        long room = freshRoom();
        String tokenId = UUID.randomUUID().toString();
        String activeKey = QueueReadModel.activeKey(room, tokenId);
        String token = codec.issue(22, tokenId, room, Duration.ofMinutes(10));
        // A minute of the session has passed (more than the 30 s step): this request renews it.
        admit(22, room, tokenId, SESSION_MS - 60_000);
        long before = System.currentTimeMillis();

        client.get().uri("/v1/api/concerts/schedule")
                .header("Authorization", TestRoutes.bearer(22))
                .header("X-Queue-Token", token)
                .exchange()
                .expectStatus().isOk();
        assertThat(ttlMillis(activeKey)).as("the active key's TTL is the whole session again")
                .isGreaterThan(SESSION_MS - 5_000).isLessThanOrEqualTo(SESSION_MS);
        assertThat(sessionEnd(room, 22)).as("the admitted set's session end moved to now + the session")
                .isBetween((double) before + SESSION_MS - 1_000, (double) System.currentTimeMillis() + SESSION_MS + 1_000);

        // Within the step nothing is written: a marker score stays, and so does a TTL shortened by less than a step.
        redis.opsForZSet().add(QueueReadModel.admittedKey(room), "22", 1);
        redis.expire(activeKey, Duration.ofMillis(SESSION_MS - RENEW_STEP_MS / 2));
        client.get().uri("/v1/api/concerts/schedule")
                .header("Authorization", TestRoutes.bearer(22))
                .header("X-Queue-Token", token)
                .exchange()
                .expectStatus().isOk();
        assertThat(sessionEnd(room, 22)).isEqualTo(1.0);
        assertThat(ttlMillis(activeKey)).isLessThanOrEqualTo(SESSION_MS - RENEW_STEP_MS / 2);
    }

    @Test
    void shouldNeverRenewASessionTheQueueAlreadyEnded() {
        long room = freshRoom();
        String tokenId = UUID.randomUUID().toString();
        String activeKey = QueueReadModel.activeKey(room, tokenId);
        admit(23, room, tokenId, SESSION_MS - 60_000);
        // queue-service ended the session (payment, exit) and took the user out of the admitted set; the active key
        // is on its way out.
        redis.opsForZSet().remove(QueueReadModel.admittedKey(room), "23");
        int before = UPSTREAM.calls();

        client.post().uri("/v1/api/concerts/payment")
                .header("Authorization", TestRoutes.bearer(23))
                .header("X-Queue-Token", codec.issue(23, tokenId, room, Duration.ofMinutes(10)))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("QUEUE_NOT_ADMITTED");
        assertThat(UPSTREAM.calls()).isEqualTo(before);
        assertThat(sessionEnd(room, 23)).isNull();
        assertThat(ttlMillis(activeKey)).isLessThanOrEqualTo(SESSION_MS - 60_000);
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
        String waiting = codec.issue(7, UUID.randomUUID().toString(), freshRoom(), Duration.ofMinutes(10));
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
        long room = freshRoom();
        String tokenId = UUID.randomUUID().toString();
        admit(8, room, tokenId, SESSION_MS);
        String impostor = codec.issue(9, tokenId, room, Duration.ofMinutes(10));

        client.post().uri("/v1/api/concerts/payment")
                .header("Authorization", TestRoutes.bearer(9))
                .header("X-Queue-Token", impostor)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("QUEUE_NOT_ADMITTED");
    }

    @Test
    void shouldRefuseMissingMalformedForgedAndExpiredWaitingRoomTokensWith401() {
        long room = freshRoom();
        String tokenId = UUID.randomUUID().toString();
        admit(3, room, tokenId, SESSION_MS);
        String forged = TestTokens.forgedQueueToken(3, tokenId, room);
        String expired = TestTokens.expiredQueueToken(secret, 3, tokenId, room);
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
                .header("X-Queue-Room", "7")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userIds.length()").isEqualTo(1)
                .jsonPath("$.userIds[0]").isEqualTo("12")
                .jsonPath("$.tokenIds.length()").isEqualTo(0)
                .jsonPath("$.rooms.length()").isEqualTo(0);
    }

    @Test
    void shouldRouteTheRoomsStatusToQueueServiceWithLoginOnly() {
        for (String path : new String[]{"/v1/api/queue/rooms", "/v1/api/queue/rooms/7"}) {
            client.get().uri(path).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
            client.get().uri(path)
                    .header("Authorization", TestRoutes.bearer(14))
                    .header("X-Queue-Room", "7")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.path").isEqualTo(path)
                    .jsonPath("$.userIds[0]").isEqualTo("14")
                    .jsonPath("$.rooms.length()").isEqualTo(0);
        }
    }

    @Test
    void shouldStripClientIdentityHeadersOnPublicRoutes() {
        client.post().uri("/v1/api/user/accounts")
                .header("X-User-Id", "1")
                .header("X-User-Roles", "ADMIN")
                .header("X-Queue-Token-Id", "t")
                .header("X-Queue-Room", "1")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userIds.length()").isEqualTo(0)
                .jsonPath("$.roles.length()").isEqualTo(0)
                .jsonPath("$.tokenIds.length()").isEqualTo(0)
                .jsonPath("$.rooms.length()").isEqualTo(0);
    }

    @Test
    void shouldLetAUserReadOwnReservationsAndPaymentsWithoutAdmission() {
        for (String path : new String[]{"/v1/api/concerts/reservations/5", "/v1/api/concerts/payment/6"}) {
            client.get().uri(path)
                    .header("Authorization", TestRoutes.bearer(13))
                    .header("X-Queue-Room", "5")
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.userIds[0]").isEqualTo("13")
                    .jsonPath("$.rooms.length()").isEqualTo(0);
        }
    }
}
