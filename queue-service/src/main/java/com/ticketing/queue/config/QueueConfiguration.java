package com.ticketing.queue.config;

import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.queue.domain.persistence.QueueClock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    QueueTokenCodec queueTokenCodec(QueueProperties properties) {
        return new QueueTokenCodec(properties.tokenSecret());
    }

    /** The scripts read Redis TIME (tests replace this bean with a controllable clock). */
    @Bean
    QueueClock queueClock() {
        return QueueClock.redisTime();
    }
}
