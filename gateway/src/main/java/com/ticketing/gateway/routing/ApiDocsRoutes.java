package com.ticketing.gateway.routing;

import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.net.URI;
import java.util.List;

/**
 * The OpenAPI description routes for the Swagger UI, one a service: {@code GET /v3/api-docs/<service>} → that
 * service's {@code /v3/api-docs}, behind the service's breaker, with no admission (documentation only). They are
 * route definitions like the ones in {@code application.yml} (ids {@code api-docs-<service>}), so they are built by
 * the same filter factories and listed by {@code /actuator/gateway/routedefinitions}. With
 * {@code API_DOCS_ENABLED=false} the services answer 404 here.
 */
@Component
class ApiDocsRoutes implements RouteDefinitionLocator {

    /** The services whose descriptions the Swagger UI lists ({@code springdoc.swagger-ui.urls}). */
    static final List<String> SERVICES =
            List.of("queue-service", "user-service", "concert-service", "reservation-service", "payment-service");

    @Override
    public Flux<RouteDefinition> getRouteDefinitions() {
        return Flux.fromIterable(SERVICES).map(ApiDocsRoutes::route);
    }

    private static RouteDefinition route(String service) {
        RouteDefinition route = new RouteDefinition();
        route.setId("api-docs-" + service);
        route.setUri(URI.create("lb://" + service));
        route.setPredicates(List.of(
                new PredicateDefinition("Path=/v3/api-docs/" + service),
                new PredicateDefinition("Method=GET")));
        FilterDefinition breaker = new FilterDefinition();
        breaker.setName("CircuitBreaker");
        breaker.addArg("name", service);
        breaker.addArg("fallbackUri", "forward:/fallback/" + service);
        route.setFilters(List.of(new FilterDefinition("SetPath=/v3/api-docs"), breaker));
        return route;
    }
}
