package com.ticketing.queue;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.token.WaitEstimator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitEstimatorTest {

    private final WaitEstimator estimator = new WaitEstimator(properties(Duration.ofSeconds(60), Duration.ofSeconds(20)));

    private static QueueProperties properties(Duration idle, Duration pollMax) {
        return new QueueProperties("x".repeat(32), Duration.ofHours(1), 1_000_000_000L, idle, Duration.ofMinutes(10),
                Duration.ofHours(24),
                new QueueProperties.Admission(true, 2000, 500, Duration.ofMillis(500), 1000, 500, Duration.ofSeconds(20)),
                new QueueProperties.Poll(Duration.ofSeconds(1), pollMax));
    }

    private WaitEstimator.Estimate waiting(long position, double measuredRate) {
        return estimator.estimate(new Place("t", QueueStatus.WAITING, position, OptionalDouble.of(measuredRate)));
    }

    @Test
    void shouldDeriveTheWaitFromThePositionAndTheMeasuredRate() {
        assertThat(waiting(1000, 100).estimatedWaitSeconds()).isEqualTo(10);
        assertThat(waiting(1001, 100).estimatedWaitSeconds()).isEqualTo(11);
        assertThat(waiting(1, 500).estimatedWaitSeconds()).isEqualTo(1);
    }

    @Test
    void shouldTellUsersFurtherBackToPollLessOftenWithinTheBounds() {
        long head = waiting(10, 100).pollAfterMs();
        long middle = waiting(2_000, 100).pollAfterMs();
        long tail = waiting(100_000, 100).pollAfterMs();

        assertThat(head).isEqualTo(1000);
        assertThat(middle).isEqualTo(5000);
        assertThat(tail).isEqualTo(20_000);
    }

    @Test
    void shouldAssumeTheConfiguredRateUntilOneIsMeasured() {
        WaitEstimator.Estimate e = estimator.estimate(new Place("t", QueueStatus.WAITING, 5000, OptionalDouble.empty()));

        assertThat(e.estimatedWaitSeconds()).isEqualTo(10);
    }

    @Test
    void shouldNeverAssumeFewerAdmissionsThanActiveSlotsEndingByTtl() {
        // 2000 slots of 10 minutes: at least 3.33 users per second get in even if the measured rate is 0.
        assertThat(waiting(100, 0).estimatedWaitSeconds()).isEqualTo(30);
    }

    @Test
    void shouldAnswerZeroWaitOnceAdmitted() {
        WaitEstimator.Estimate e = estimator.estimate(new Place("t", QueueStatus.PROGRESS, 0, OptionalDouble.empty()));

        assertThat(e.estimatedWaitSeconds()).isZero();
    }

    @Test
    void shouldRefuseAPollBoundThatWouldGetObedientClientsDroppedAsIdle() {
        assertThatThrownBy(() -> properties(Duration.ofSeconds(30), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle-timeout");
    }
}
