package com.ticketing.gateway.routing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Benchmark-only routes, in the {@code bench} profile only (bench/run.sh starts the gateway with it; no other
 * configuration has them): {@code GET /v1/api/bench/ping} to
 * queue-service's trivial {@code /ping}, through the same load-balanced lookup and circuit breaker as the
 * real queue route. It gives the proxied ceiling the real routes are compared with.
 * <p>
 * Three variants take the route's parts apart: {@code /ping-static} (breaker, fixed URI
 * {@code ticketing.bench.ping-static-uri} instead of the Eureka lookup), {@code /ping-nocb} (lookup, no breaker)
 * and {@code /ping-bare} (fixed URI, no breaker).
 * <p>
 * Two more measure what checking the access token costs: {@code GET /bench/ping} is the proxied ping without any
 * login (outside {@code /v1/api}), and {@code POST /bench/queue/token/check} is the waiting-room check without the
 * access token: the user is the verified waiting-room token's ({@link BenchQueueTokenIdentity}). The real check
 * route needs the login.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchRouteConfiguration {

    @Bean
    RouteLocator benchPingRoute(RouteLocatorBuilder routes,
                                @Value("${ticketing.bench.ping-static-uri}") String staticUri,
                                com.ticketing.common.auth.QueueTokenCodec codec) {
        BenchQueueTokenIdentity queueTokenIdentity = new BenchQueueTokenIdentity(codec);
        return routes.routes()
                .route("bench-ping", r -> r.path("/v1/api/bench/ping")
                        .filters(f -> f.setPath("/ping")
                                .circuitBreaker(c -> c.setName("queue-service")
                                        .setFallbackUri("forward:/fallback/queue-service")))
                        .uri("lb://queue-service"))
                .route("bench-ping-static", r -> r.path("/v1/api/bench/ping-static")
                        .filters(f -> f.setPath("/ping")
                                .circuitBreaker(c -> c.setName("queue-service")
                                        .setFallbackUri("forward:/fallback/queue-service")))
                        .uri(staticUri))
                .route("bench-ping-nocb", r -> r.path("/v1/api/bench/ping-nocb")
                        .filters(f -> f.setPath("/ping"))
                        .uri("lb://queue-service"))
                .route("bench-ping-bare", r -> r.path("/v1/api/bench/ping-bare")
                        .filters(f -> f.setPath("/ping"))
                        .uri(staticUri))
                .route("bench-ping-anonymous", r -> r.path("/bench/ping")
                        .filters(f -> f.setPath("/ping")
                                .circuitBreaker(c -> c.setName("queue-service")
                                        .setFallbackUri("forward:/fallback/queue-service")))
                        .uri("lb://queue-service"))
                .route("bench-check-without-login", r -> r.path("/bench/queue/token/check").and().method("POST")
                        .filters(f -> f.setPath("/v1/api/queue/token/check")
                                .filter(queueTokenIdentity)
                                .circuitBreaker(c -> c.setName("queue-service")
                                        .setFallbackUri("forward:/fallback/queue-service")))
                        .uri("lb://queue-service"))
                .build();
    }
}
