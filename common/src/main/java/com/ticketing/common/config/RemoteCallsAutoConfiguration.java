package com.ticketing.common.config;

import com.ticketing.common.remote.RemoteClients;
import com.ticketing.common.web.RefusalHandler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals rendered once for every servlet service ({@link RefusalHandler}), and the remote-call kit
 * ({@link RemoteClients}) wherever the libraries it is built on are present.
 */
@AutoConfiguration
public class RemoteCallsAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Refusals {
        @Bean
        RefusalHandler refusalHandler() {
            return new RefusalHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({CircuitBreakerFactory.class, CircuitBreakerRegistry.class, RetryRegistry.class, HttpClients.class})
    static class Clients {
        @Bean
        RemoteClients remoteClients(Environment environment, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer,
                                    ObjectProvider<CircuitBreakerFactory<?, ?>> breakers,
                                    ObjectProvider<CircuitBreakerRegistry> states, ObjectProvider<RetryRegistry> retries,
                                    ObjectProvider<JsonMapper> json) {
            return new RemoteClients(environment, loadBalancer, breakers, states, retries, json);
        }
    }
}
