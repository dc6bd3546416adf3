package com.ticketing.queue;

import com.ticketing.common.auth.QueueReadModel;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.RoomAction;
import com.ticketing.queue.domain.persistence.RoomKeys;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions (renewed by activity through the gateway's script, not by polling; ended by time, exit or closing),
 * abandonment and pause/resume, on the controllable clock: "ten minutes later" without sleeping.
 */
class SessionsAndAbandonmentTest extends QueueIntegrationTest {

    private static final RedisScript<Long> GATEWAY_CHECK = RedisScript.of(QueueReadModel.SESSION_CHECK_SCRIPT, Long.class);
    private static final Duration IDLE = Duration.ofSeconds(60);

    /** The gateway's check on an admitted route at the test clock's now (renewal step 0: every call renews). */
    private long gatewayCheck(long roomId, long userId, String token) {
        String tokenId = codec.verify(token).tokenId();
        RoomKeys k = keys(roomId);
        return redis.execute(GATEWAY_CHECK, List.of(k.active(tokenId), k.admitted(), k.room()),
                Long.toString(userId), Long.toString(CLOCK.millis()), "0");
    }

    private AdmissionResult step(long roomId) {
        return admitting.admit(roomId, settings(IDLE));
    }

    @Test
    void shouldRenewASessionOnActivityButNotOnPollingAndEndItWhenItRunsOut() {
        long room = openRoom(1, 10, 6_000, 60);
        String active = http.issue(1, room).token();
        String polling = http.issue(2, room).token();
        assertThat(step(room).admittedUserIds()).containsExactly(1L, 2L);

        CLOCK.advance(Duration.ofSeconds(50));
        assertThat(gatewayCheck(room, 1, active)).as("activity renews to a full session").isEqualTo(60_000);
        assertThat(http.check(polling).data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(redis.opsForZSet().score(keys(room).admitted(), "1"))
                .isCloseTo(CLOCK.millis() + 60_000.0, org.assertj.core.data.Offset.offset(2_000.0));

        CLOCK.advance(Duration.ofSeconds(20)); // 70 s after admission: the poller's session ran out, not the other's
        AdmissionResult purge = step(room);
        assertThat(purge.ended()).isEqualTo(1);
        assertThat(http.check(polling).status()).isEqualTo(404);
        assertThat(gatewayCheck(room, 2, polling)).isZero();
        assertThat(http.check(active).data().get("status").asString()).isEqualTo("PROGRESS");
        String endsAt = http.check(active).data().get("sessionEndsAt").asString();
        assertThat(Instant.parse(endsAt).toEpochMilli())
                .isEqualTo(redis.opsForZSet().score(keys(room).admitted(), "1").longValue());

        CLOCK.advance(Duration.ofSeconds(41)); // 61 s after the last activity
        assertThat(step(room).ended()).isEqualTo(1);
        assertThat(gatewayCheck(room, 1, active)).as("an ended session is never brought back").isZero();
        assertThat(redis.hasKey(keys(room).active(codec.verify(active).tokenId()))).isFalse();
        assertThat(redis.opsForZSet().zCard(keys(room).admitted())).isZero();

        QueueHttp.Reply again = http.issue(1, room);
        assertThat(again.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(codec.verify(again.token()).tokenId()).isNotEqualTo(codec.verify(active).tokenId());
    }

    @Test
    void shouldRevokeASessionOnExitAndAdmitTheNextInLine() {
        long room = openRoom(1, 1, 6_000, 600);
        String first = http.issue(1, room).token();
        String second = http.issue(2, room).token();
        step(room);
        assertThat(step(room).admitted()).isZero();

        QueueHttp.Reply left = http.leave(first);

        assertThat(left.data().get("released").asString()).isEqualTo("ACTIVE_SLOT");
        assertThat(gatewayCheck(room, 1, first)).isZero();
        assertThat(store.userRooms(1)).isEmpty();
        assertThat(step(room).admittedUserIds()).containsExactly(2L);
        assertThat(http.check(second).data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(http.leave(first).data().get("released").asString()).isEqualTo("NOTHING");
    }

    @Test
    void shouldDropWaitingUsersWhoStopPollingAndNeverAdmitThem() {
        long room = openRoom(1, 100, 6_000, 600);
        operating.transition(1, room, RoomAction.PAUSE);
        String quiet = http.issue(1, room).token();
        String polling = http.issue(2, room).token();

        CLOCK.advance(Duration.ofSeconds(40));
        assertThat(http.check(polling).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofSeconds(21)); // the quiet one: 61 s without a poll
        operating.transition(1, room, RoomAction.RESUME);
        AdmissionResult result = step(room);

        assertThat(result.abandoned()).isEqualTo(1);
        assertThat(result.admittedUserIds()).containsExactly(2L);
        QueueHttp.Reply dropped = http.check(quiet);
        assertThat(dropped.status()).isEqualTo(404);
        assertThat(dropped.errorCode()).isEqualTo("QUEUE_TOKEN_NOT_FOUND");
        assertThat(store.figures(room).orElseThrow().abandonedLastMinute()).isEqualTo(1);
    }

    @Test
    void shouldAdmitNobodyWhilePausedButKeepQueueingArrivalsAndAdmitThemOnResume() {
        long room = openRoom(1, 100, 6_000, 600);
        http.issue(1, room);
        operating.transition(7, room, RoomAction.PAUSE);

        QueueHttp.Reply arrival = http.issue(2, room);
        assertThat(arrival.status()).isEqualTo(200);
        assertThat(arrival.data().get("roomState").asString()).isEqualTo("PAUSED");
        assertThat(arrival.data().get("position").asLong()).isEqualTo(2);
        CLOCK.advance(Duration.ofSeconds(10));
        assertThat(step(room).admitted()).isZero();

        operating.transition(7, room, RoomAction.RESUME);
        assertThat(step(room).admittedUserIds()).containsExactly(1L, 2L);
    }

    @Test
    void shouldEmptyTheLineOnCloseButLetAdmittedSessionsRunToTheirEnd() {
        long room = openRoom(1, 1, 6_000, 600);
        String admitted = http.issue(1, room).token();
        step(room);
        String waiting = http.issue(2, room).token();

        operating.transition(7, room, RoomAction.CLOSE);

        assertThat(http.check(waiting).data().get("status").asString()).isEqualTo("CLOSED");
        assertThat(http.check(admitted).data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(gatewayCheck(room, 1, admitted)).isPositive();
        assertThat(redis.opsForZSet().zCard(keys(room).waiting())).isZero();
        assertThat(http.issue(3, room).errorCode()).isEqualTo("ROOM_CLOSED");
        CLOCK.advance(Duration.ofMinutes(11));
        assertThat(step(room).ended()).isEqualTo(1);
        assertThat(http.check(admitted).data().get("status").asString()).isEqualTo("CLOSED");
    }
}
