package com.ticketing.user.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * Money requests must be unambiguous: {@code {"amount": 1, "amount": 9999999}} is refused (400) instead of
 * silently taking the last value. Float-as-int and string-to-number coercion are off in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer rejectDuplicateJsonFields() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
