package com.ticketing.common.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.core.registry.EntryAddedEvent;
import io.github.resilience4j.core.registry.EntryRemovedEvent;
import io.github.resilience4j.core.registry.EntryReplacedEvent;
import io.github.resilience4j.core.registry.RegistryEventConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every circuit breaker's state transitions: one line per transition, never one per call (an open breaker
 * rejecting thousands of calls a second logs nothing more). Opening is a WARN with the rates that caused it;
 * the way back (half-open, closed) is INFO. Attached to each breaker as the registry creates it.
 */
public class CircuitBreakerTransitionLog implements RegistryEventConsumer<CircuitBreaker> {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerTransitionLog.class);

    @Override
    public void onEntryAddedEvent(EntryAddedEvent<CircuitBreaker> event) {
        attach(event.getAddedEntry());
    }

    @Override
    public void onEntryRemovedEvent(EntryRemovedEvent<CircuitBreaker> event) {
        // nothing attached outside the breaker itself
    }

    @Override
    public void onEntryReplacedEvent(EntryReplacedEvent<CircuitBreaker> event) {
        attach(event.getNewEntry());
    }

    private static void attach(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(transition -> log(breaker, transition));
    }

    static void log(CircuitBreaker breaker, CircuitBreakerOnStateTransitionEvent event) {
        CircuitBreaker.State to = event.getStateTransition().getToState();
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        if (to == CircuitBreaker.State.OPEN || to == CircuitBreaker.State.FORCED_OPEN) {
            log.warn("Circuit breaker '{}' {} -> {}: failure rate {}%, slow-call rate {}% over {} calls; calls are "
                            + "rejected for {}", breaker.getName(), event.getStateTransition().getFromState(), to,
                    metrics.getFailureRate(), metrics.getSlowCallRate(), metrics.getNumberOfBufferedCalls(),
                    breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1) + " ms");
        } else {
            log.info("Circuit breaker '{}' {} -> {}", breaker.getName(), event.getStateTransition().getFromState(), to);
        }
    }
}
