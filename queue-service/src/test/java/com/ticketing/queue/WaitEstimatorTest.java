package com.ticketing.queue;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import com.ticketing.queue.token.WaitEstimator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitEstimatorTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    /** 2000 sessions of 10 minutes, 500 admissions per second configured. */
    private static final RoomLimits LIMITS = new RoomLimits(2000, 30_000, 600);

    private final WaitEstimator estimator = new WaitEstimator(properties(Duration.ofSeconds(60), Duration.ofSeconds(20)));

    private static QueueProperties properties(Duration idle, Duration pollMax) {
        return new QueueProperties("x".repeat(32), Duration.ofHours(1), 1_000_000_000L, idle, Duration.ofHours(24), 3, "",
                new QueueProperties.RoomDefaults(2000, 30_000, Duration.ofMinutes(10)),
                new QueueProperties.Admission(true, Duration.ofMillis(500), 1000, 500, Duration.ofSeconds(20)),
                new QueueProperties.Poll(Duration.ofSeconds(1), pollMax));
    }

    private static Place place(QueueStatus status, long position, OptionalDouble rate, RoomState state) {
        return new Place("t", status, position, rate, state, NOW.plusSeconds(30), LIMITS, null);
    }

    private WaitEstimator.Estimate waiting(long position, double measuredRate) {
        return estimator.estimate(place(QueueStatus.WAITING, position, OptionalDouble.of(measuredRate), RoomState.OPEN), NOW);
    }

    @Test
    void shouldDeriveTheWaitFromThePositionAndTheMeasuredRate() {
        assertThat(waiting(1000, 100).estimatedWaitSeconds()).isEqualTo(10);
        assertThat(waiting(1001, 100).estimatedWaitSeconds()).isEqualTo(11);
        assertThat(waiting(1, 500).estimatedWaitSeconds()).isEqualTo(1);
    }

    @Test
    void shouldTellUsersFurtherBackToPollLessOftenWithinTheBounds() {
        assertThat(waiting(10, 100).pollAfterMs()).isEqualTo(1000);
        assertThat(waiting(2_000, 100).pollAfterMs()).isEqualTo(5000);
        assertThat(waiting(100_000, 100).pollAfterMs()).isEqualTo(20_000);
    }

    @Test
    void shouldAssumeTheConfiguredRateUntilOneIsMeasuredAndWhilePaused() {
        assertThat(estimator.estimate(place(QueueStatus.WAITING, 5000, OptionalDouble.empty(), RoomState.OPEN), NOW)
                .estimatedWaitSeconds()).isEqualTo(10);
        assertThat(estimator.estimate(place(QueueStatus.WAITING, 5000, OptionalDouble.of(1), RoomState.PAUSED), NOW)
                .estimatedWaitSeconds()).isEqualTo(10);
    }

    @Test
    void shouldNeverAssumeFewerAdmissionsThanSessionsEndingAndFlagWaitsOverADay() {
        // 2000 sessions of 10 minutes: at least 3.33 users per second get in even if the measured rate is 0.
        assertThat(waiting(100, 0).estimatedWaitSeconds()).isEqualTo(30);
        assertThat(waiting(100_000_000, 0).waitOverOneDay()).isTrue();
        assertThat(waiting(100, 0).waitOverOneDay()).isFalse();
    }

    @Test
    void shouldAnswerZeroWaitOnceAdmittedAndNoneInThePreQueueWithPollsBoundedByTheSaleStart() {
        assertThat(estimator.estimate(place(QueueStatus.PROGRESS, 0, OptionalDouble.empty(), RoomState.OPEN), NOW)
                .estimatedWaitSeconds()).isZero();
        WaitEstimator.Estimate pre = estimator.estimate(place(QueueStatus.PRE_QUEUE, 0, OptionalDouble.empty(),
                RoomState.PRE_QUEUE), NOW.plusSeconds(27));
        assertThat(pre.estimatedWaitSeconds()).isNull();
        assertThat(pre.pollAfterMs()).isEqualTo(3000);
    }

    @Test
    void shouldRefuseAPollBoundThatWouldGetObedientClientsDroppedAsIdle() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(30), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle-timeout");
    }
}
