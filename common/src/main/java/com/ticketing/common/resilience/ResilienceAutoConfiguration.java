package com.ticketing.common.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.registry.RegistryEventConsumer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Shared circuit-breaker behaviour of every process that has breakers (gateway, reservation-service,
 * payment-service). Resilience4j's Spring Boot support hands every {@link RegistryEventConsumer} bean to the
 * registry, so breakers created later (the gateway creates them on first use) are covered too.
 */
@AutoConfiguration
@ConditionalOnClass({CircuitBreaker.class, RegistryEventConsumer.class})
public class ResilienceAutoConfiguration {

    @Bean
    CircuitBreakerTransitionLog circuitBreakerTransitionLog() {
        return new CircuitBreakerTransitionLog();
    }
}
