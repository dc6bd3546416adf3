package com.ticketing.reservation.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReservationProperties.class)
public class ReservationConfig {

    /** The one source of "now" for holds, expiry and locks (tests move it forward instead of sleeping). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
