package com.ticketing.queue;

import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class IssuingQueueTokensTest extends QueueIntegrationTest {

    private static final long ROOM = 1;

    @BeforeEach
    void room() {
        openRoom(ROOM);
    }

    @Test
    void shouldGiveOneTokenAndOnePlaceToOneUserAcross50ConcurrentIssues() throws Exception {
        int requests = 50;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> tokenIds = ConcurrentHashMap.newKeySet();
        Set<Long> positions = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    QueueHttp.Reply r = http.issue(42, ROOM);
                    if (r.status() == 200) {
                        tokenIds.add(codec.verify(r.token()).tokenId());
                        positions.add(r.data().get("position").asLong());
                    }
                    return r.status();
                }));
            }
            start.countDown();
            for (Future<Integer> s : statuses) {
                assertThat(s.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenIds).hasSize(1);
        assertThat(positions).containsExactly(1L);
        assertThat(redis.opsForZSet().zCard(keys(ROOM).waiting())).isEqualTo(1);
        assertThat(redis.opsForValue().get(keys(ROOM).sequence())).isEqualTo("1");
        assertThat(redis.opsForHash().get(keys(ROOM).tokens(), "42")).isEqualTo(tokenIds.iterator().next());
        assertThat(store.userRooms(42)).containsExactly(ROOM);
    }

    @Test
    void shouldKeepTheSamePlaceAndTokenIdWhenAWaitingUserAsksAgain() {
        http.issue(1, ROOM);
        QueueHttp.Reply first = http.issue(2, ROOM);
        http.issue(3, ROOM);

        QueueHttp.Reply again = http.issue(2, ROOM);

        assertThat(again.status()).isEqualTo(200);
        assertThat(codec.verify(again.token()).tokenId()).isEqualTo(codec.verify(first.token()).tokenId());
        assertThat(again.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(again.data().get("position").asLong()).isEqualTo(2);
        assertThat(redis.opsForZSet().zCard(keys(ROOM).waiting())).isEqualTo(3);
    }

    @Test
    void shouldAnswerAnAdmittedUserWithTheSameTokenIdAndStatusProgress() {
        QueueHttp.Reply first = http.issue(7, ROOM);
        admit(ROOM);

        QueueHttp.Reply again = http.issue(7, ROOM);

        assertThat(codec.verify(again.token()).tokenId()).isEqualTo(codec.verify(first.token()).tokenId());
        assertThat(again.data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(again.data().get("position").asLong()).isZero();
        assertThat(redis.opsForZSet().zCard(keys(ROOM).waiting())).isZero();
    }

    @Test
    void shouldIssueASignedTokenCarryingTheUserIdAndTheShapeOfTheContract() {
        QueueHttp.Reply r = http.issue(1_000_000_001L, ROOM);

        assertThat(r.status()).isEqualTo(200);
        QueueToken token = codec.verify(r.token());
        assertThat(token.userId()).isEqualTo(1_000_000_001L);
        assertThat(token.roomId()).isEqualTo(ROOM);
        assertThat(redis.opsForHash().get(keys(ROOM).tokens(), "1000000001")).isEqualTo(token.tokenId());
        assertThat(r.data().propertyNames()).containsExactlyInAnyOrder("queueToken", "roomId", "roomState",
                "saleStartsAt", "status", "position", "estimatedWaitSeconds", "waitOverOneDay", "pollAfterMs",
                "sessionEndsAt");
        assertThat(r.data().get("roomId").asLong()).isEqualTo(ROOM);
        assertThat(r.data().get("roomState").asString()).isEqualTo("OPEN");
        assertThat(r.data().get("waitOverOneDay").asBoolean()).isFalse();
        assertThat(r.data().get("sessionEndsAt").isNull()).isTrue();
        assertThat(r.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(r.data().get("position").asLong()).isEqualTo(1);
        assertThat(r.data().get("estimatedWaitSeconds").asLong()).isPositive();
        assertThat(r.data().get("pollAfterMs").asLong()).isBetween(1000L, 20000L);
    }

    @Test
    void shouldAcceptTheTokenRawOrAsBearerOnCheck() {
        String token = http.issue(5, ROOM).token();

        QueueHttp.Reply raw = http.check(token);
        QueueHttp.Reply bearer = http.check("Bearer " + token);

        assertThat(raw.status()).isEqualTo(200);
        assertThat(bearer.status()).isEqualTo(200);
        assertThat(raw.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(raw.data().get("position").asLong()).isEqualTo(1);
        assertThat(raw.data().has("pollAfterMs")).isTrue();
        assertThat(raw.data().has("estimatedWaitSeconds")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"roomId\": 1, \"userId\": 0}",
            "{\"roomId\": 1, \"userId\": 1.5}",
            "{\"roomId\": 1, \"userId\": \"1\"}",
            "{}",
            "{\"userId\": 1}",
            "{\"roomId\": null}",
            "{\"roomId\": 0}",
            "{\"roomId\": -1}",
            "{\"roomId\": 99999999999999999999999}",
            "{\"roomId\": 1.5}",
            "{\"roomId\": \"1\"}",
            "{\"roomId\": \"abc\"}",
            "{\"roomId\": true}",
            "{\"roomId\": [1]}",
            "[]",
            "{\"userId\": 1",
            "not json"})
    void shouldRejectABadIssueRequestWith400JsonAndWriteNothing(String body) {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", body, 1);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"roomId\": 1, \"userId\": 4242}", "{\"roomId\": 1, \"userId\": 4242, \"other\": 1}"})
    void shouldRefuseABodyNamingAnotherUserWith403AndWriteNothing(String body) {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", body, 77);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"roomId\": 1, \"userId\": 77}", "{\"roomId\": 1}", "{\"roomId\": 1, \"userId\": null}"})
    void shouldAcceptABodyNamingTheLoggedInUserOrNobody(String body) {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", body, 77);

        assertThat(r.status()).isEqualTo(200);
        assertThat(codec.verify(r.token()).userId()).isEqualTo(77);
    }

    @Test
    void shouldRefuseTokenIssueWithoutTheGatewaysIdentityWith401() {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", "{\"roomId\": 1}", 0);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertNothingWritten();
    }

    @Test
    void shouldRefuseAnotherUsersWaitingRoomTokenWith401OnCheckAndLeave() {
        String victims = http.issue(4242, ROOM).token();

        QueueHttp.Reply check = http.check(victims, 4243);
        QueueHttp.Reply leave = http.leave(victims, 4243);

        assertThat(check.status()).isEqualTo(401);
        assertThat(check.errorCode()).isEqualTo("INVALID_TOKEN");
        assertThat(leave.status()).isEqualTo(401);
        assertThat(http.check(victims).data().get("position").asLong()).as("the victim keeps the place").isEqualTo(1);
    }

    @Test
    void shouldRejectAnIssueRequestThatIsNotJsonWith415AndWriteNothing() {
        QueueHttp.Reply r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/api/queue/token"))
                .header("X-User-Id", "1")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("userId=1")));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertNothingWritten();
    }

    @Test
    void shouldRejectMissingMalformedForgedAndExpiredTokensWith401AndWriteNothing() {
        String forged = new QueueTokenCodec("another-secret-another-secret-another-secret!")
                .issue(1, "forged-token-id", ROOM, Duration.ofMinutes(5));
        String expired = new QueueTokenCodec("local-dev-queue-token-secret-change-me-0123456789",
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC))
                .issue(1, "expired-token-id", ROOM, Duration.ofMinutes(5));

        for (String queueToken : new String[]{null, "", "Bearer ", "garbage", "a.b.c", forged, expired}) {
            QueueHttp.Reply check = http.check(queueToken, 1);
            assertThat(check.status()).as("check with %s", queueToken).isEqualTo(401);
            assertThat(check.errorCode()).isEqualTo("INVALID_TOKEN");
            if (queueToken != null && !queueToken.isBlank()) {
                QueueHttp.Reply leave = http.leave(queueToken, 1);
                assertThat(leave.status()).isEqualTo(401);
            }
        }
        assertNothingWritten();
    }

    @Test
    void shouldAnswer404ForAValidTokenWhosePlaceIsGone() {
        String stale = codec.issue(9, "a-token-id-that-holds-no-place", ROOM, Duration.ofMinutes(5));

        QueueHttp.Reply r = http.check(stale);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("QUEUE_TOKEN_NOT_FOUND");
    }

    @Test
    void shouldRefuseAnUnknownRoomWith404AndAClosedRoomWith409AndCountNeither() {
        QueueHttp.Reply unknown = http.issue(5, 999);
        openRoom(2);
        operating.transition(1, 2, com.ticketing.queue.domain.RoomAction.CLOSE);
        QueueHttp.Reply closed = http.issue(5, 2);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("ROOM_NOT_FOUND");
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.errorCode()).isEqualTo("ROOM_CLOSED");
        assertThat(store.userRooms(5)).isEmpty();
    }

    @Test
    void shouldLetAUserWaitInThreeRoomsAtOnceButNotFourUntilOneIsLeftOrItsPlaceEnds() {
        for (long room = 2; room <= 4; room++) {
            openRoom(room);
        }
        String inOne = http.issue(8, ROOM).token();
        String inTwo = http.issue(8, 2).token();
        http.issue(8, 3);

        QueueHttp.Reply fourth = http.issue(8, 4);
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.errorCode()).isEqualTo("TOO_MANY_ROOMS");
        assertThat(http.issue(8, 2).status()).as("re-issue in a room already held").isEqualTo(200);
        assertThat(redis.opsForHash().hasKey(keys(4).tokens(), "8")).isFalse();

        assertThat(http.leave(inOne).data().get("released").asString()).isEqualTo("WAITING_PLACE");
        assertThat(http.issue(8, 4).status()).isEqualTo(200);

        // A place that ended without the user's room set being told (here: dropped by an operator closing room 2)
        // is cleaned from the set when it is full.
        operating.transition(1, 2, com.ticketing.queue.domain.RoomAction.CLOSE);
        assertThat(http.check(inTwo).data().get("status").asString()).isEqualTo("CLOSED");
        assertThat(http.issue(8, ROOM).status()).isEqualTo(200);
        assertThat(store.userRooms(8)).containsExactlyInAnyOrder(ROOM, 3L, 4L);
    }

    private void assertNothingWritten() {
        assertThat(TestRedis.keys(redis, "queue:*")).allMatch(k -> k.equals("queue:rooms")
                || k.startsWith(keys(ROOM).prefix() + "room") || k.equals(keys(ROOM).audit()));
        assertThat(redis.opsForHash().size(keys(ROOM).tokens())).isZero();
    }
}
