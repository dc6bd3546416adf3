package com.ticketing.common.config;

import com.netflix.appinfo.ApplicationInfoManager;
import com.ticketing.common.warmup.BreakersAfterWarmUp;
import com.ticketing.common.warmup.EurekaWarmUpStatus;
import com.ticketing.common.warmup.WarmUp;
import com.ticketing.common.warmup.WarmUpProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Every web process warms up before it reports ready ({@link WarmUp}), and goes UP in Eureka only then. */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(WebServerApplicationContext.class)
@EnableConfigurationProperties(WarmUpProperties.class)
public class WarmUpAutoConfiguration {

    @Bean
    WarmUp warmUp(WarmUpProperties props, ApplicationContext context, Environment environment) {
        return new WarmUp(props, context, environment);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CircuitBreakerRegistry.class)
    static class Breakers {
        @Bean
        BreakersAfterWarmUp breakersAfterWarmUp(ObjectProvider<CircuitBreakerRegistry> breakers) {
            return new BreakersAfterWarmUp(breakers);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ApplicationInfoManager.class)
    static class Eureka {
        @Bean
        EurekaWarmUpStatus eurekaWarmUpStatus(ObjectProvider<ApplicationInfoManager> instance) {
            return new EurekaWarmUpStatus(instance);
        }
    }
}
