package com.ticketing.gateway.routing;

import com.ticketing.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's Swagger UI over the services' OpenAPI descriptions: its configuration lists the five
 * services, the description routes exist and reach each service's {@code /v3/api-docs} (a real upstream
 * that echoes the path it got), and the UI's page and static assets load past the gateway's filters.
 */
class ApiDocsRoutesTest extends GatewayTest {

    private static final List<String> SERVICES =
            List.of("queue-service", "user-service", "concert-service", "reservation-service", "payment-service");

    @Autowired
    RouteLocator routes;

    @Test
    void shouldListTheFiveServiceDescriptionsInTheSwaggerUiConfiguration() {
        WebTestClient.BodyContentSpec config = client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(SERVICES.size());
        for (String service : SERVICES) {
            config.jsonPath("$.urls[?(@.name == '" + service + "')].url").isEqualTo(List.of("/v3/api-docs/" + service));
        }
    }

    @Test
    void shouldRegisterOneDescriptionRoutePerServiceBehindItsBreakerAndWithoutAdmission() {
        Map<String, Route> byId = routes.getRoutes().collectList().block().stream()
                .collect(Collectors.toMap(Route::getId, r -> r));
        for (String service : SERVICES) {
            Route route = byId.get("api-docs-" + service);
            assertThat(route).as("route api-docs-%s", service).isNotNull();
            assertThat(route.getUri().toString()).isEqualTo("lb://" + service);
            assertThat(route.getFilters()).extracting(f -> f.toString())
                    .anySatisfy(f -> assertThat(f).contains("CircuitBreaker").contains(service))
                    .noneSatisfy(f -> assertThat(f).contains("Admission"));
        }
    }

    @Test
    void shouldForwardEachDescriptionRequestToTheServicesOwnApiDocsPathWithoutAToken() {
        for (String service : SERVICES) {
            client.get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.path").isEqualTo("/v3/api-docs");
        }
        client.get().uri("/v3/api-docs/unknown-service").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldServeTheSwaggerUiPageAndItsStaticAssets() {
        String location = client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(location).endsWith("/swagger-ui/index.html");

        client.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        String base = location.substring(0, location.lastIndexOf('/') + 1);
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui.css", "swagger-initializer.js")) {
            client.get().uri(base + asset).exchange().expectStatus().isOk();
        }
    }
}
