package com.ticketing.common.faults;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultControllerTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-25T12:00:00Z"));
    private final LatencyFault fault = new LatencyFault(clock);
    private final FaultController controller = new FaultController(fault, clock);

    @Test
    void shouldDelayOnlyThePathsItCoversUntilItExpires() {
        controller.inject(new FaultController.LatencyRequest(4_000L, "/internal/", 60L));

        assertThat(fault.delayFor("/internal/users/7/debit")).isEqualTo(4_000);
        assertThat(fault.delayFor("/v1/api/user/amount")).isZero();
        assertThat(fault.delayFor("/internal/faults/latency")).as("the switch itself is never slowed").isZero();

        clock.advance(Duration.ofSeconds(60));
        assertThat(fault.delayFor("/internal/users/7/debit")).as("expired").isZero();
        assertThat(fault.active()).isNull();
    }

    @Test
    void shouldStopDelayingWhenCleared() {
        controller.inject(new FaultController.LatencyRequest(100L, null, null));
        assertThat(fault.delayFor("/anything")).isEqualTo(100);

        controller.clear();

        assertThat(fault.delayFor("/anything")).isZero();
    }

    @Test
    void shouldRefuseUnboundedOrMalformedInjections() {
        for (FaultController.LatencyRequest bad : new FaultController.LatencyRequest[]{
                new FaultController.LatencyRequest(null, "/", 10L),
                new FaultController.LatencyRequest(0L, "/", 10L),
                new FaultController.LatencyRequest(30_001L, "/", 10L),
                new FaultController.LatencyRequest(100L, "/", 0L),
                new FaultController.LatencyRequest(100L, "/", 601L),
                new FaultController.LatencyRequest(100L, "internal", 10L)}) {
            assertThatThrownBy(() -> controller.inject(bad)).as(bad.toString())
                    .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID));
        }
        assertThat(fault.active()).isNull();
    }
}
