package com.ticketing.payment.remote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code ticketing.clients.*}: where the other services are and how long to wait for them.
 *
 * @param loadBalanced resolve the base URL's host as a service id (Eureka / simple discovery) instead of DNS
 */
@Validated
@ConfigurationProperties("ticketing.clients")
public record ClientProperties(boolean loadBalanced, @NotNull @Valid Endpoint user, @NotNull @Valid Endpoint reservation) {

    /**
     * @param baseUrl        e.g. {@code http://user-service} (load-balanced) or {@code http://127.0.0.1:8082}
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for the answer once the request is sent; past it the outcome is unknown
     * @param maxConnections the most connections kept to the service (per instance and in all); by default the
     *                       service's bulkhead size, so no call the bulkhead admits waits for a connection
     */
    public record Endpoint(@NotNull URI baseUrl, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
                           @Positive int maxConnections) {
    }
}
