package com.ticketing.common.event;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.util.backoff.BackOffExecution;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class ConsumerRetryPolicyTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldBuildBothOptionsAsDeadLetteringHandlers() {
        ConsumerRetryPolicy policy = new ConsumerRetryPolicy(mock(KafkaOperations.class), new SimpleMeterRegistry(),
                Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofMinutes(15));

        assertThat(policy.untilApplied()).isNotNull();
        assertThat(policy.deadLetterAfterRetries()).isNotNull();
    }

    @Test
    void shouldKeepRetryingUntilAppliedWithoutEndAtMostTenSecondsApart() {
        BackOffExecution execution = ConsumerRetryPolicy.backOff(Duration.ofMillis(200), Duration.ofSeconds(10), null).start();

        long last = 0;
        for (int attempt = 0; attempt < 10_000; attempt++) { // ~28 hours of attempts
            last = execution.nextBackOff();
            assertThat(last).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(10_000L);
        }
        assertThat(last).isEqualTo(10_000L);
    }

    @Test
    void shouldStopRetryingAfterTheMaximumElapsedTimeByDefault() {
        BackOffExecution execution = ConsumerRetryPolicy.backOff(Duration.ofMillis(200), Duration.ofSeconds(10),
                Duration.ofMinutes(15)).start();

        long elapsed = 0;
        long next;
        while ((next = execution.nextBackOff()) != BackOffExecution.STOP) {
            elapsed += next;
            assertThat(elapsed).isLessThan(Duration.ofMinutes(16).toMillis());
        }
        assertThat(elapsed).isGreaterThan(Duration.ofMinutes(14).toMillis());
    }
}
