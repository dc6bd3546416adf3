package com.ticketing.common.warmup;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;

/**
 * Warm-up traffic decides nothing: once {@link WarmedUp}, every circuit breaker starts afresh (CLOSED, no recorded
 * calls). A warm-up request that met a service not started yet (a start of the whole suite starts everything at
 * once) would otherwise have opened that service's breaker, and the first real requests would be refused for it.
 */
public class BreakersAfterWarmUp {

    private static final Logger log = LoggerFactory.getLogger(BreakersAfterWarmUp.class);

    private final ObjectProvider<CircuitBreakerRegistry> breakers;

    public BreakersAfterWarmUp(ObjectProvider<CircuitBreakerRegistry> breakers) {
        this.breakers = breakers;
    }

    @EventListener
    public void on(WarmedUp event) {
        breakers.ifAvailable(registry -> registry.getAllCircuitBreakers().forEach(breaker -> {
            if (breaker.getState() != CircuitBreaker.State.CLOSED || breaker.getMetrics().getNumberOfBufferedCalls() > 0) {
                log.info("Circuit breaker '{}' reset after the warm-up (was {}, {} calls recorded)", breaker.getName(),
                        breaker.getState(), breaker.getMetrics().getNumberOfBufferedCalls());
                breaker.reset();
            }
        }));
    }
}
