package com.ticketing.payment.config;

import com.ticketing.payment.domain.FollowUpPolicy;
import com.ticketing.payment.domain.PaymentIds;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PaymentIds paymentIds(Clock clock) {
        return new PaymentIds(clock);
    }

    @Bean
    FollowUpPolicy followUpPolicy(PaymentProperties properties) {
        return new FollowUpPolicy(properties.reconcile().retryDelay(), properties.reconcile().stalePendingAfter());
    }
}
