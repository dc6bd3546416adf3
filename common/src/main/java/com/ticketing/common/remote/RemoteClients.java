package com.ticketing.common.remote;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.core.env.Environment;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds the clients of other services from {@code ticketing.clients.<name>.*} ({@link ClientSettings}), one way
 * for every service: a {@link RestClient} on a pooled, blocking Apache HttpClient 5 ({@link #pooledRequests}),
 * load-balanced through Spring Cloud LoadBalancer when asked, every call through {@link GuardedCalls} with the
 * Resilience4j breaker (Spring Cloud CircuitBreaker, so its time limiter and bulkhead apply as configured) and
 * retry named {@code breaker}. The stance on each is in docs/contracts.md ("Calls between services").
 *
 * <p>Deliberately no {@code @LoadBalanced RestClient.Builder} bean: Eureka's own transport injects any
 * {@code RestClient.Builder} it finds and, given a load-balanced one, looks up its server's host ("127.0.0.1")
 * as a service id and never registers this instance. The load-balancer interceptor is added to these clients only.
 */
public class RemoteClients implements DisposableBean {

    private final Environment environment;
    private final ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer;
    private final ObjectProvider<CircuitBreakerFactory<?, ?>> breakers;
    private final ObjectProvider<CircuitBreakerRegistry> states;
    private final ObjectProvider<RetryRegistry> retries;
    private final ObjectProvider<JsonMapper> json;
    private final Map<String, RemoteClient> clients = new ConcurrentHashMap<>();
    private final List<HttpComponentsClientHttpRequestFactory> pools = new CopyOnWriteArrayList<>();

    public RemoteClients(Environment environment, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer,
                         ObjectProvider<CircuitBreakerFactory<?, ?>> breakers, ObjectProvider<CircuitBreakerRegistry> states,
                         ObjectProvider<RetryRegistry> retries, ObjectProvider<JsonMapper> json) {
        this.environment = environment;
        this.loadBalancer = loadBalancer;
        this.breakers = breakers;
        this.states = states;
        this.retries = retries;
        this.json = json;
    }

    /** The client of {@code ticketing.clients.<name>}; one per name, built on first use. */
    public RemoteClient client(String name) {
        return clients.computeIfAbsent(name, this::build);
    }

    /** The settings of {@code ticketing.clients.<name>}, defaults applied. */
    public ClientSettings settings(String name) {
        return Binder.get(environment).bind("ticketing.clients." + name, ClientSettings.class)
                .orElseThrow(() -> new IllegalStateException("ticketing.clients." + name + ".base-url is not set"));
    }

    private RemoteClient build(String name) {
        ClientSettings settings = settings(name);
        String service = settings.breaker() != null ? settings.breaker() : name + "-service";
        HttpComponentsClientHttpRequestFactory requests = pooledRequests(settings);
        pools.add(requests);
        RestClient.Builder builder = RestClient.builder().baseUrl(settings.baseUrl().toString()).requestFactory(requests);
        if (settings.loadBalanced()) {
            DeferringLoadBalancerInterceptor interceptor = loadBalancer.getIfAvailable();
            if (interceptor == null) {
                throw new IllegalStateException("a load-balanced client of " + settings.baseUrl()
                        + " needs Spring Cloud LoadBalancer, which is not configured");
            }
            builder.requestInterceptor(interceptor);
        }
        // The factory's breaker and the registry's are the same instance (configured per service in YAML).
        GuardedCalls calls = new GuardedCalls(service, breakers.getObject().create(service),
                states.getObject().circuitBreaker(service), retries.getObject().retry(service), json.getObject());
        return new RemoteClient(service, settings, builder.build(), calls);
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
    public static HttpComponentsClientHttpRequestFactory pooledRequests(ClientSettings settings) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
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
        requests.setConnectionRequestTimeout(settings.connectTimeout());
        requests.setReadTimeout(settings.readTimeout());
        return requests;
    }

    /** Closes the connection pools with the application context. */
    @Override
    public void destroy() throws Exception {
        for (HttpComponentsClientHttpRequestFactory pool : pools) {
            pool.destroy();
        }
    }
}
