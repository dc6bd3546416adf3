package com.ticketing.gateway.routing;

import com.ticketing.gateway.GatewayTest;
import com.ticketing.gateway.admission.TestRoutes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside the {@code bench} profile the gateway has none of the benchmark routes: production never serves them. */
class DefaultRoutesTest extends GatewayTest {

    @Autowired
    RouteLocator routes;

    @Test
    void shouldRegisterNoBenchmarkRouteOutsideTheBenchProfile() {
        assertThat(routes.getRoutes().collectList().block()).extracting(Route::getId)
                .isNotEmpty()
                .noneMatch(id -> id.startsWith("bench-"));
        client.get().uri("/bench/ping").exchange().expectStatus().isNotFound();
        client.get().uri("/v1/api/bench/ping").header("Authorization", TestRoutes.bearer(5)).exchange()
                .expectStatus().isNotFound();
    }
}
