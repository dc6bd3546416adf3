package com.ticketing.common.config;

import com.ticketing.common.auth.CurrentUserArgumentResolver;
import com.ticketing.common.faults.FaultController;
import com.ticketing.common.faults.LatencyFault;
import com.ticketing.common.faults.LatencyFaultFilter;
import com.ticketing.common.web.JsonErrorController;
import com.ticketing.common.web.PingController;
import com.ticketing.common.web.RestErrorHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/** The shared error rendering and {@code @CurrentUser} binding of every servlet service. */
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
            }
        };
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
