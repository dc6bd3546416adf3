package com.ticketing.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ticketing.admission.*}: how long the gateway waits for the queue's read model before it answers 503
 * (it never lets a request through when it cannot tell), the {@code Retry-After} it then sends, and the session
 * renewal step: an admitted request renews the user's session (activity keeps it alive) only when at least this much
 * of it has passed since the last renewal, which bounds the read model's writes to one per user per step.
 */
@ConfigurationProperties("ticketing.admission")
public record AdmissionProperties(@DefaultValue("1s") Duration redisTimeout,
                                  @DefaultValue("1s") Duration retryAfter,
                                  @DefaultValue("30s") Duration sessionRenewStep) {

    public AdmissionProperties {
        if (redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("ticketing.admission.redis-timeout must be positive");
        }
        if (sessionRenewStep.isNegative()) {
            throw new IllegalArgumentException("ticketing.admission.session-renew-step must not be negative");
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("ticketing.admission.retry-after must not be negative");
        }
    }
}
