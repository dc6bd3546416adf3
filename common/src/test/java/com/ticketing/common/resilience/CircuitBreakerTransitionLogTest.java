package com.ticketing.common.resilience;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerTransitionLogTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CircuitBreakerTransitionLog.class);

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void shouldLogEachTransitionOnceAndNothingPerRejectedCall() throws InterruptedException {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(2)) // long enough for 500 rejected calls on a busy machine.permittedNumberOfCallsInHalfOpenState(1)
                .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config, new CircuitBreakerTransitionLog());
        // created after the registry, as the gateway creates its breakers on first use
        CircuitBreaker breaker = registry.circuitBreaker("concert-service");

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breaker.executeRunnable(() -> {
                throw new IllegalStateException("down");
            })).isInstanceOf(IllegalStateException.class);
        }
        for (int i = 0; i < 500; i++) {
            assertThatThrownBy(() -> breaker.executeRunnable(() -> { }))
                    .isInstanceOf(CallNotPermittedException.class);
        }

        assertThat(lines()).containsExactly(
                "WARN Circuit breaker 'concert-service' CLOSED -> OPEN: failure rate 100.0%, slow-call rate 0.0% "
                        + "over 4 calls; calls are rejected for 2000 ms");

        Thread.sleep(2_100);
        breaker.executeRunnable(() -> { });
        for (int i = 0; i < 100; i++) {
            breaker.executeRunnable(() -> { });
        }

        assertThat(lines()).hasSize(3).endsWith(
                "INFO Circuit breaker 'concert-service' OPEN -> HALF_OPEN",
                "INFO Circuit breaker 'concert-service' HALF_OPEN -> CLOSED");
    }

    private List<String> lines() {
        return logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
}
