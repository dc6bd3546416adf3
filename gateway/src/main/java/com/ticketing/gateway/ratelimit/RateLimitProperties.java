package com.ticketing.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on queue-token issue ({@code ticketing.rate-limit.*}). Two token buckets in Redis: one per user id
 * (stops a single user hammering) and one per client address (stops one address issuing for many users).
 * The local and benchmark profiles raise the address limit so a load test of 100,000 users from one
 * address runs unthrottled.
 */
@ConfigurationProperties("ticketing.rate-limit")
public record RateLimitProperties(Boolean enabled, Bucket perUser, Bucket perAddress,
                                  Boolean trustForwardedFor) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        perUser = perUser == null ? new Bucket(2, 5) : perUser;
        perAddress = perAddress == null ? new Bucket(100, 200) : perAddress;
        trustForwardedFor = trustForwardedFor != null && trustForwardedFor;
    }

    /** A token bucket: {@code replenishRate} requests per second, bursts up to {@code burstCapacity}. */
    public record Bucket(int replenishRate, int burstCapacity) {
    }
}
