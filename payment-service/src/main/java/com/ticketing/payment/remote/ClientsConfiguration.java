package com.ticketing.payment.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;

/**
 * The clients of reservation-service and user-service: load-balanced {@link RestClient}s (service id as host)
 * on the JDK HTTP client (HTTP/1.1, connect and read timeouts from {@link ClientProperties}), each behind its
 * own circuit breaker, bulkhead and retry, all named after the service
 * ({@code resilience4j.*.instances.<service>} in application.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class ClientsConfiguration {

    static final String USER_SERVICE = "user-service";
    static final String RESERVATION_SERVICE = "reservation-service";

    @Bean
    UserAccounts userAccounts(ClientProperties properties, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalanced,
                              CircuitBreakerFactory<?, ?> breakers, CircuitBreakerRegistry states, RetryRegistry retries,
                              JsonMapper json) {
        return new UserAccounts(restClient(properties, properties.user(), loadBalanced),
                guarded(USER_SERVICE, breakers, states, retries, json), json);
    }

    @Bean
    Reservations reservations(ClientProperties properties, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalanced,
                              CircuitBreakerFactory<?, ?> breakers, CircuitBreakerRegistry states, RetryRegistry retries,
                              JsonMapper json) {
        return new Reservations(restClient(properties, properties.reservation(), loadBalanced),
                guarded(RESERVATION_SERVICE, breakers, states, retries, json), json);
    }

    /** The factory's breaker and the registry's are the same instance (configured per service in YAML). */
    private static GuardedCalls guarded(String service, CircuitBreakerFactory<?, ?> breakers,
                                        CircuitBreakerRegistry states, RetryRegistry retries, JsonMapper json) {
        return new GuardedCalls(service, breakers.create(service), states.circuitBreaker(service),
                retries.retry(service), json);
    }

    /**
     * Deliberately no {@code @LoadBalanced RestClient.Builder} bean: Eureka's own transport injects any
     * {@code RestClient.Builder} it finds and, given a load-balanced one, looks up its server's host
     * ("127.0.0.1") as a service id and never registers this instance. The load-balancer interceptor is added
     * to these two clients only.
     */
    private static RestClient restClient(ClientProperties properties, ClientProperties.Endpoint endpoint,
                                         ObjectProvider<DeferringLoadBalancerInterceptor> loadBalanced) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(endpoint.readTimeout());
        RestClient.Builder builder = RestClient.builder();
        if (properties.loadBalanced()) {
            builder.requestInterceptor(loadBalanced.getObject());
        }
        return builder.baseUrl(endpoint.baseUrl().toString()).requestFactory(requests).build();
    }
}
