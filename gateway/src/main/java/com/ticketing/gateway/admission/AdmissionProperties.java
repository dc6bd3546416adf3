package com.ticketing.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ticketing.admission.*}: how long the gateway waits for the queue's read model before it answers 503
 * (it never lets a request through when it cannot tell), and the {@code Retry-After} it then sends.
 */
@ConfigurationProperties("ticketing.admission")
public record AdmissionProperties(@DefaultValue("300ms") Duration redisTimeout,
                                  @DefaultValue("1s") Duration retryAfter) {

    public AdmissionProperties {
        if (redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("ticketing.admission.redis-timeout must be positive");
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("ticketing.admission.retry-after must not be negative");
        }
    }
}
