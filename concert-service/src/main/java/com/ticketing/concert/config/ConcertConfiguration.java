package com.ticketing.concert.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What every feature of concert-service shares: the clock. */
@Configuration(proxyBeanMethods = false)
class ConcertConfiguration {

    /** The time every "is the booking window open" decision is taken at (UTC). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
