package com.ticketing.common.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.core.ResolvableType;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one client shape, {@code ticketing.clients.<name>.*}, as every service's application.yml writes it. */
class RemoteClientsTest {

    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    private RemoteClients clients(MockEnvironment env) {
        return new RemoteClients(env, beans.getBeanProvider(DeferringLoadBalancerInterceptor.class),
                beans.getBeanProvider(ResolvableType.forClassWithGenerics(CircuitBreakerFactory.class, Object.class, Object.class)),
                beans.getBeanProvider(CircuitBreakerRegistry.class), beans.getBeanProvider(RetryRegistry.class),
                beans.getBeanProvider(JsonMapper.class));
    }

    @Test
    void shouldBindTheSettingsOfOneClientWithTheSharedDefaults() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("ticketing.clients.user.base-url", "http://127.0.0.1:8082")
                .withProperty("ticketing.clients.user.load-balanced", "false")
                .withProperty("ticketing.clients.user.read-timeout", "2s");

        ClientSettings user = clients(env).settings("user");

        assertThat(user.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(user.loadBalanced()).isFalse();
        assertThat(user.readTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(user.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(user.maxConnections()).isEqualTo(100);
        assertThat(user.breaker()).isNull();
    }

    @Test
    void shouldRefuseAClientWithoutAnAddress() {
        MockEnvironment env = new MockEnvironment().withProperty("ticketing.clients.user.read-timeout", "2s");

        assertThatThrownBy(() -> clients(env).settings("user")).hasRootCauseMessage("base-url");
    }
}
