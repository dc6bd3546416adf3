package com.ticketing.user.balance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code ticketing.user.*} to the balance's {@link BalanceLimits}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BalanceConfiguration.BalanceProperties.class)
class BalanceConfiguration {

    @Bean
    BalanceLimits balanceLimits(BalanceProperties properties) {
        return new BalanceLimits(properties.maxCharge(), properties.maxBalance());
    }

    /**
     * @param maxCharge  the largest single charge, in won
     * @param maxBalance the largest balance a charge may produce, in won
     */
    @ConfigurationProperties(prefix = "ticketing.user")
    record BalanceProperties(long maxCharge, long maxBalance) {
    }
}
