package com.ticketing.reservation.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code ticketing.clients.payment.*}: how reservation-service asks payment-service about a payment.
 *
 * @param baseUrl        {@code http://payment-service} resolves the service id through discovery when {@code loadBalanced}
 * @param loadBalanced   resolve the host as a service id through Spring Cloud LoadBalancer
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    response timeout
 */
@Validated
@ConfigurationProperties("ticketing.clients.payment")
public record PaymentClientProperties(
        @DefaultValue("http://payment-service") @NotBlank String baseUrl,
        @DefaultValue("true") boolean loadBalanced,
        @DefaultValue("500ms") @NotNull Duration connectTimeout,
        @DefaultValue("1500ms") @NotNull Duration readTimeout) {
}
