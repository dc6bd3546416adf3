package com.ticketing.common.config;

import com.ticketing.common.auth.AdmittedArgumentResolver;
import com.ticketing.common.auth.CurrentUserArgumentResolver;
import com.ticketing.common.faults.FaultController;
import com.ticketing.common.faults.LatencyFault;
import com.ticketing.common.faults.LatencyFaultFilter;
import com.ticketing.common.web.DecimalIdBinding;
import com.ticketing.common.web.JsonErrorController;
import com.ticketing.common.web.PingController;
import com.ticketing.common.web.RestErrorHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;

import java.time.Clock;
import java.util.List;

/** The shared error rendering, strict input (ids, JSON) and {@code @CurrentUser} binding of every servlet service. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class CommonWebAutoConfiguration {

    @Bean
    RestErrorHandler restErrorHandler() {
        return new RestErrorHandler();
    }

    @Bean
    JsonErrorController jsonErrorController() {
        return new JsonErrorController();
    }

    /** Strict ids in paths, queries and headers: decimal digits only, at most 2^53 − 1. */
    @Bean
    DecimalIdBinding decimalIdBinding() {
        return new DecimalIdBinding();
    }

    @Bean
    @Profile("bench")
    PingController pingController() {
        return new PingController();
    }

    @Bean
    WebMvcConfigurer currentUserBinding() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
                resolvers.add(new AdmittedArgumentResolver());
            }
        };
    }

    /**
     * Strict JSON bodies, with {@code ticketing-defaults.yml} (no float-as-int, no string-to-number coercion, no
     * null for a primitive, no trailing tokens; unknown fields ignored, so an older client's extra field is not an
     * error): {@code {"amount": 1, "amount": 9999999}} is refused (400) instead of silently taking the last value.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer")
    static class StrictJson {

        @Bean
        JsonMapperBuilderCustomizer rejectDuplicateJsonFields() {
            return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
    }

    /** Test-only latency injection ({@link FaultController}); on in the native dev stack, off by default. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "ticketing.faults.enabled", havingValue = "true")
    static class FaultInjection {

        private final LatencyFault latency = new LatencyFault(Clock.systemUTC());

        @Bean
        LatencyFaultFilter latencyFaultFilter() {
            return new LatencyFaultFilter(latency);
        }

        @Bean
        FaultController faultController() {
            return new FaultController(latency, Clock.systemUTC());
        }
    }
}
