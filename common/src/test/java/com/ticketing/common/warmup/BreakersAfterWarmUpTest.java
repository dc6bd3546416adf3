package com.ticketing.common.warmup;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BreakersAfterWarmUpTest {

    @Test
    void shouldForgetWhatTheWarmUpRecorded() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        CircuitBreaker concert = registry.circuitBreaker("concert-service");
        CircuitBreaker users = registry.circuitBreaker("user-service");
        concert.transitionToOpenState(); // a warm-up request met concert-service before it had started
        users.onError(1, TimeUnit.MILLISECONDS, new RuntimeException("not started yet"));

        new BreakersAfterWarmUp(new StaticListableBeanFactory(Map.of("registry", registry))
                .getBeanProvider(CircuitBreakerRegistry.class)).on(new WarmedUp(this, 40));

        assertThat(concert.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(users.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(users.getMetrics().getNumberOfBufferedCalls()).isZero();
    }
}
