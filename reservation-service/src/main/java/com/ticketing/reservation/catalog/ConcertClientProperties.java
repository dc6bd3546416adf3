package com.ticketing.reservation.catalog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code ticketing.clients.concert.*}: how reservation-service reaches the concert catalog.
 *
 * @param baseUrl        {@code http://concert-service} resolves the service id through discovery when
 *                       {@code loadBalanced}; a plain URL otherwise
 * @param loadBalanced   resolve the host as a service id through Spring Cloud LoadBalancer
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    response timeout of one attempt
 * @param cacheTtl       how long a catalog answer is reused (the catalog changes rarely)
 * @param cacheMaxSize   bound of the answer cache
 */
@Validated
@ConfigurationProperties("ticketing.clients.concert")
public record ConcertClientProperties(
        @DefaultValue("http://concert-service") @NotBlank String baseUrl,
        @DefaultValue("true") boolean loadBalanced,
        @DefaultValue("500ms") @NotNull Duration connectTimeout,
        @DefaultValue("1500ms") @NotNull Duration readTimeout,
        @DefaultValue("1m") @NotNull Duration cacheTtl,
        @DefaultValue("100000") @Min(1) long cacheMaxSize) {
}
