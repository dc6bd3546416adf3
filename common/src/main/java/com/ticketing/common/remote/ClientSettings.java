package com.ticketing.common.remote;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code ticketing.clients.<name>.*}: how a service reaches another one. The same shape in every service;
 * {@link RemoteClients} builds the client from it.
 *
 * @param baseUrl        e.g. {@code http://user-service} (service id as host when load-balanced) or
 *                       {@code http://127.0.0.1:8082}
 * @param loadBalanced   resolve the base URL's host as a service id (Eureka / simple discovery) instead of DNS
 * @param connectTimeout how long to wait for a connection (also for a free pooled one)
 * @param readTimeout    how long to wait for the answer once the request is sent; past it the outcome is unknown
 * @param maxConnections the most connections kept to the service (per instance and in all)
 * @param breaker        the name of its circuit breaker, time limiter, bulkhead and retry
 *                       ({@code resilience4j.*.instances.<breaker>}); by default {@code <name>-service}
 */
public record ClientSettings(URI baseUrl,
                             @DefaultValue("true") boolean loadBalanced,
                             @DefaultValue("1s") Duration connectTimeout,
                             @DefaultValue("3s") Duration readTimeout,
                             @DefaultValue("100") int maxConnections,
                             String breaker) {

    public ClientSettings {
        Objects.requireNonNull(baseUrl, "base-url");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("max-connections must be positive");
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
