package com.ticketing.queue;

import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.queue.domain.persistence.QueueKeys;
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
                    QueueHttp.Reply r = http.issue(42);
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
        assertThat(redis.opsForZSet().zCard(QueueKeys.WAITING)).isEqualTo(1);
        assertThat(redis.opsForValue().get(QueueKeys.SEQUENCE)).isEqualTo("1");
        assertThat(redis.opsForHash().get(QueueKeys.user(42), "t")).isEqualTo(tokenIds.iterator().next());
    }

    @Test
    void shouldKeepTheSamePlaceAndTokenIdWhenAWaitingUserAsksAgain() {
        http.issue(1);
        QueueHttp.Reply first = http.issue(2);
        http.issue(3);

        QueueHttp.Reply again = http.issue(2);

        assertThat(again.status()).isEqualTo(200);
        assertThat(codec.verify(again.token()).tokenId()).isEqualTo(codec.verify(first.token()).tokenId());
        assertThat(again.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(again.data().get("position").asLong()).isEqualTo(2);
        assertThat(redis.opsForZSet().zCard(QueueKeys.WAITING)).isEqualTo(3);
    }

    @Test
    void shouldAnswerAnAdmittedUserWithTheSameTokenIdAndStatusProgress() {
        QueueHttp.Reply first = http.issue(7);
        admitting.admitNext();

        QueueHttp.Reply again = http.issue(7);

        assertThat(codec.verify(again.token()).tokenId()).isEqualTo(codec.verify(first.token()).tokenId());
        assertThat(again.data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(again.data().get("position").asLong()).isZero();
        assertThat(redis.opsForZSet().zCard(QueueKeys.WAITING)).isZero();
    }

    @Test
    void shouldIssueASignedTokenCarryingTheUserIdAndTheShapeOfTheContract() {
        QueueHttp.Reply r = http.issue(1_000_000_001L);

        assertThat(r.status()).isEqualTo(200);
        QueueToken token = codec.verify(r.token());
        assertThat(token.userId()).isEqualTo(1_000_000_001L);
        assertThat(redis.opsForHash().get(QueueKeys.user(1_000_000_001L), "t")).isEqualTo(token.tokenId());
        assertThat(r.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(r.data().get("position").asLong()).isEqualTo(1);
        assertThat(r.data().get("estimatedWaitSeconds").asLong()).isPositive();
        assertThat(r.data().get("pollAfterMs").asLong()).isBetween(1000L, 20000L);
    }

    @Test
    void shouldAcceptTheTokenRawOrAsBearerOnCheck() {
        String token = http.issue(5).token();

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
            "{\"userId\": 0}",
            "{\"userId\": -1}",
            "{\"userId\": 99999999999999999999999}",
            "{\"userId\": 1.5}",
            "{\"userId\": \"1\"}",
            "{\"userId\": \"abc\"}",
            "{\"userId\": true}",
            "{\"userId\": [1]}",
            "[]",
            "{\"userId\": 1",
            "not json"})
    void shouldRejectABadIssueRequestWith400JsonAndWriteNothing(String body) {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", body, 1);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isIn("VALIDATION_FAILED", "MALFORMED_REQUEST");
        assertThat(TestRedis.keys(redis, "queue:*")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userId\": 4242}", "{\"userId\": 4242, \"other\": 1}"})
    void shouldRefuseABodyNamingAnotherUserWith403AndWriteNothing(String body) {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", body, 77);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(TestRedis.keys(redis, "queue:*")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userId\": 77}", "{}", "{\"userId\": null}"})
    void shouldAcceptABodyNamingTheLoggedInUserOrNobody(String body) {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", body, 77);

        assertThat(r.status()).isEqualTo(200);
        assertThat(codec.verify(r.token()).userId()).isEqualTo(77);
    }

    @Test
    void shouldRefuseTokenIssueWithoutTheGatewaysIdentityWith401() {
        QueueHttp.Reply r = http.postJson("/v1/api/queue/token", "{\"userId\": 4242}", 0);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(TestRedis.keys(redis, "queue:*")).isEmpty();
    }

    @Test
    void shouldRefuseAnotherUsersWaitingRoomTokenWith401OnCheckAndLeave() {
        String victims = http.issue(4242).token();

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
        assertThat(TestRedis.keys(redis, "queue:*")).isEmpty();
    }

    @Test
    void shouldRejectMissingMalformedForgedAndExpiredTokensWith401AndWriteNothing() {
        String forged = new QueueTokenCodec("another-secret-another-secret-another-secret!")
                .issue(1, "forged-token-id", Duration.ofMinutes(5));
        String expired = new QueueTokenCodec("local-dev-queue-token-secret-change-me-0123456789",
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC))
                .issue(1, "expired-token-id", Duration.ofMinutes(5));

        for (String queueToken : new String[]{null, "", "Bearer ", "garbage", "a.b.c", forged, expired}) {
            QueueHttp.Reply check = http.check(queueToken, 1);
            assertThat(check.status()).as("check with %s", queueToken).isEqualTo(401);
            assertThat(check.errorCode()).isEqualTo("INVALID_TOKEN");
            if (queueToken != null && !queueToken.isBlank()) {
                QueueHttp.Reply leave = http.leave(queueToken, 1);
                assertThat(leave.status()).isEqualTo(401);
            }
        }
        assertThat(TestRedis.keys(redis, "queue:*")).isEmpty();
    }

    @Test
    void shouldAnswer404ForAValidTokenWhosePlaceIsGone() {
        String stale = codec.issue(9, "a-token-id-that-holds-no-place", Duration.ofMinutes(5));

        QueueHttp.Reply r = http.check(stale);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("QUEUE_TOKEN_NOT_FOUND");
    }
}
