package com.ticketing.payment.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The clients of reservation-service and user-service: load-balanced {@link RestClient}s (service id as host)
 * on a pooled, blocking Apache HttpClient 5 (see {@link #pooledRequests}), each behind its own circuit breaker,
 * bulkhead and retry, all named after the service ({@code resilience4j.*.instances.<service>} in
 * application.yml).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClientProperties.class)
class ClientsConfiguration {

    static final String USER_SERVICE = "user-service";
    static final String RESERVATION_SERVICE = "reservation-service";

    /** Beans so that their connection pools are closed with the application context. */
    @Bean
    HttpComponentsClientHttpRequestFactory userServiceRequests(ClientProperties properties) {
        return pooledRequests(properties.user());
    }

    @Bean
    HttpComponentsClientHttpRequestFactory reservationServiceRequests(ClientProperties properties) {
        return pooledRequests(properties.reservation());
    }

    @Bean
    UserAccounts userAccounts(ClientProperties properties, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalanced,
                              @Qualifier("userServiceRequests") ClientHttpRequestFactory requests,
                              CircuitBreakerFactory<?, ?> breakers, CircuitBreakerRegistry states, RetryRegistry retries,
                              JsonMapper json) {
        return new UserAccounts(restClient(properties, properties.user(), requests, loadBalanced),
                guarded(USER_SERVICE, breakers, states, retries, json), json);
    }

    @Bean
    Reservations reservations(ClientProperties properties, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalanced,
                              @Qualifier("reservationServiceRequests") ClientHttpRequestFactory requests,
                              CircuitBreakerFactory<?, ?> breakers, CircuitBreakerRegistry states, RetryRegistry retries,
                              JsonMapper json) {
        return new Reservations(restClient(properties, properties.reservation(), requests, loadBalanced),
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
                                         ClientHttpRequestFactory requests,
                                         ObjectProvider<DeferringLoadBalancerInterceptor> loadBalanced) {
        RestClient.Builder builder = RestClient.builder();
        if (properties.loadBalanced()) {
            builder.requestInterceptor(loadBalanced.getObject());
        }
        return builder.baseUrl(endpoint.baseUrl().toString()).requestFactory(requests).build();
    }

    /**
     * Each call runs on the calling thread (no hand-off to other threads) on a kept-alive connection from a pool
     * of {@code max-connections}.
     *
     * <p>What {@link GuardedCalls} tells apart stays true:
     * <ul>
     *   <li>Connect timeout and connection refused mean the request never left, and so does a wait for a pooled
     *       connection that timed out (after the connect timeout).</li>
     *   <li>The read timeout bounds the wait for the answer once the request is sent.</li>
     *   <li>No automatic retries: a repeat is Resilience4j's decision, counted and visible. (The client's
     *       default would also repeat a request on a 503.)</li>
     *   <li>A pooled connection is checked before every use (a read waiting 1 ms for a close), so one the
     *       other side has closed meanwhile, e.g. because the instance went down, is replaced by a new
     *       connection instead of carrying a request that then gets no answer: that would leave its outcome
     *       unknown.</li>
     * </ul>
     */
    static HttpComponentsClientHttpRequestFactory pooledRequests(ClientProperties.Endpoint endpoint) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(endpoint.maxConnections())
                .setMaxConnPerRoute(endpoint.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(endpoint.connectTimeout()))
                        .setSocketTimeout(Timeout.of(endpoint.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                        .build())
                .build();
        CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(http);
        requests.setConnectionRequestTimeout(endpoint.connectTimeout());
        requests.setReadTimeout(endpoint.readTimeout());
        return requests;
    }
}
