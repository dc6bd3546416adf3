package com.ticketing.gateway.admission;

import com.ticketing.common.auth.QueueTokenCodec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionConfiguration {

    /** Verifies queue tokens locally (HS256, the secret shared with queue-service). */
    @Bean
    QueueTokenCodec queueTokenCodec(@Value("${ticketing.queue.token-secret}") String secret) {
        return new QueueTokenCodec(secret);
    }
}
