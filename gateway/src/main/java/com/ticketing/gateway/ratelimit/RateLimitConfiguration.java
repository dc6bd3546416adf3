package com.ticketing.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    /** Also the gateway's default RedisRateLimiter bean. */
    @Bean
    @Primary
    RedisRateLimiter perUserRateLimiter(RateLimitProperties props) {
        return new RedisRateLimiter(props.perUser().replenishRate(), props.perUser().burstCapacity());
    }

    @Bean
    RedisRateLimiter perAddressRateLimiter(RateLimitProperties props) {
        return new RedisRateLimiter(props.perAddress().replenishRate(), props.perAddress().burstCapacity());
    }

    @Bean
    TokenIssueRateLimitGatewayFilterFactory tokenIssueRateLimitGatewayFilterFactory(
            @Qualifier("perUserRateLimiter") RedisRateLimiter perUserRateLimiter,
            @Qualifier("perAddressRateLimiter") RedisRateLimiter perAddressRateLimiter,
            RateLimitProperties props, MeterRegistry meters) {
        return new TokenIssueRateLimitGatewayFilterFactory(perUserRateLimiter, perAddressRateLimiter, props, meters);
    }
}
