package com.ticketing.common.faults;

import com.ticketing.common.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultControllerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final LatencyFault fault = new LatencyFault(clock);
    private final FaultController controller = new FaultController(fault, clock);

    @Test
    void shouldDelayOnlyThePathsItCoversUntilItExpires() {
        controller.inject(new FaultController.LatencyRequest(4_000L, "/internal/", 60L));

        assertThat(fault.delayFor("/internal/users/7/debit")).isEqualTo(4_000);
        assertThat(fault.delayFor("/v1/api/user/amount")).isZero();
        assertThat(fault.delayFor("/internal/faults/latency")).as("the switch itself is never slowed").isZero();

        now.set(now.get().plusSeconds(60));
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
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        }
        assertThat(fault.active()).isNull();
    }
}
