package com.ticketing.queue;

import com.ticketing.queue.domain.AdmissionLimits;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.persistence.QueueKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ExpiryAndLeaveTest extends QueueIntegrationTest {

    private static AdmissionLimits limits(int maxActive, Duration activeTtl, Duration idleTimeout) {
        return new AdmissionLimits(maxActive, 100_000, 100, activeTtl, idleTimeout, 500, 1000, Duration.ofSeconds(20));
    }

    @Test
    void shouldDropAWaitingUserWhoStopsPollingAndKeepOneWhoPolls() throws Exception {
        String quiet = http.issue(1).token();
        String polling = http.issue(2).token();
        AdmissionLimits noAdmissionIdleAfterOneSecond = limits(0, Duration.ofMinutes(10), Duration.ofSeconds(1));

        long until = System.nanoTime() + Duration.ofMillis(1600).toNanos();
        while (System.nanoTime() < until) {
            assertThat(http.check(polling).status()).isEqualTo(200);
            Thread.sleep(200);
        }
        AdmissionResult result = admitting.admitNext(noAdmissionIdleAfterOneSecond);

        assertThat(result.droppedIdle()).isEqualTo(1);
        QueueHttp.Reply dropped = http.check(quiet);
        assertThat(dropped.status()).isEqualTo(404);
        assertThat(dropped.errorCode()).isEqualTo("QUEUE_TOKEN_NOT_FOUND");
        assertThat(redis.hasKey(QueueKeys.user(1))).isFalse();
        assertThat(http.check(polling).data().get("position").asLong()).isEqualTo(1);

        QueueHttp.Reply back = http.issue(1);
        assertThat(codec.verify(back.token()).tokenId()).isNotEqualTo(codec.verify(quiet).tokenId());
        assertThat(back.data().get("position").asLong()).isEqualTo(2);
    }

    @Test
    void shouldEndAnAdmissionWhenTheActiveTtlRunsOut() {
        String token = http.issue(3).token();
        String tokenId = codec.verify(token).tokenId();
        AdmissionLimits oneSecondOfAdmission = limits(10, Duration.ofSeconds(1), Duration.ofMinutes(10));

        assertThat(admitting.admitNext(oneSecondOfAdmission).admittedUserIds()).containsExactly(3L);
        assertThat(http.check(token).data().get("status").asString()).isEqualTo("PROGRESS");
        assertThat(redis.opsForValue().get(QueueKeys.active(tokenId))).isEqualTo("3");
        assertThat(redis.getExpire(QueueKeys.active(tokenId))).isBetween(0L, 1L);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> http.check(token).status() == 404);
        assertThat(redis.hasKey(QueueKeys.active(tokenId))).isFalse();
        AdmissionResult purge = admitting.admitNext(oneSecondOfAdmission);
        assertThat(purge.ended()).isEqualTo(1);
        assertThat(purge.active()).isZero();

        QueueHttp.Reply again = http.issue(3);
        assertThat(again.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(codec.verify(again.token()).tokenId()).isNotEqualTo(tokenId);
    }

    @Test
    void shouldLetAUserWhoseAdmissionRanOutQueueAgainBeforeThePurge() {
        String token = http.issue(4).token();
        admitting.admitNext(limits(1, Duration.ofMillis(300), Duration.ofMinutes(10)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !redis.hasKey(QueueKeys.active(codec.verify(token).tokenId())));

        QueueHttp.Reply again = http.issue(4);

        assertThat(again.data().get("status").asString()).isEqualTo("WAITING");
        assertThat(redis.opsForZSet().zCard(QueueKeys.ADMITTED)).isZero();
        assertThat(admitting.admitNext(limits(1, Duration.ofMinutes(1), Duration.ofMinutes(10))).admittedUserIds())
                .containsExactly(4L);
    }

    @Test
    void shouldFreeAWaitingPlaceOnLeaveSoThoseBehindMoveUp() {
        http.issue(1);
        String leaving = http.issue(2).token();
        String behind = http.issue(3).token();

        QueueHttp.Reply left = http.leave("Bearer " + leaving);

        assertThat(left.status()).isEqualTo(200);
        assertThat(left.data().get("released").asString()).isEqualTo("WAITING_PLACE");
        assertThat(http.check(behind).data().get("position").asLong()).isEqualTo(2);
        assertThat(http.check(leaving).status()).isEqualTo(404);
        assertThat(redis.opsForZSet().score(QueueKeys.HEARTBEAT, "2")).isNull();
        assertThat(http.leave(leaving).data().get("released").asString()).isEqualTo("NOTHING");
    }

    @Test
    void shouldFreeAnActiveSlotOnLeaveForTheNextInLine() {
        String first = http.issue(1).token();
        String second = http.issue(2).token();
        AdmissionLimits oneSlot = limits(1, Duration.ofMinutes(10), Duration.ofMinutes(10));
        admitting.admitNext(oneSlot);
        assertThat(admitting.admitNext(oneSlot).admitted()).isZero();

        QueueHttp.Reply left = http.leave(first);

        assertThat(left.data().get("released").asString()).isEqualTo("ACTIVE_SLOT");
        assertThat(redis.hasKey(QueueKeys.active(codec.verify(first).tokenId()))).isFalse();
        assertThat(redis.opsForZSet().zCard(QueueKeys.ADMITTED)).isZero();
        assertThat(admitting.admitNext(oneSlot).admittedUserIds()).containsExactly(2L);
        assertThat(http.check(second).data().get("status").asString()).isEqualTo("PROGRESS");
    }
}
