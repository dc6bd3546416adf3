package com.ticketing.queue.config;

import com.ticketing.common.auth.QueueTokenCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    QueueTokenCodec queueTokenCodec(QueueProperties properties) {
        return new QueueTokenCodec(properties.tokenSecret());
    }
}
