package com.ticketing.reservation.catalog;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code ticketing.reservation.catalog-cache.*}: how long catalog answers are reused. (How concert-service is
 * reached is {@code ticketing.clients.concert.*}, the shape every client has.)
 *
 * @param ttl     how long a catalog answer is reused (the catalog changes rarely)
 * @param maxSize bound of the answer cache
 */
@Validated
@ConfigurationProperties("ticketing.reservation.catalog-cache")
public record CatalogCacheProperties(
        @DefaultValue("1m") @NotNull Duration ttl,
        @DefaultValue("100000") @Min(1) long maxSize) {
}
