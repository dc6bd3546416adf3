package com.ticketing.gateway.web;

import com.ticketing.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The actuator is not on the public port: routes, metrics and health answer 404 there; on the management port
 * (loopback) health answers its status and nothing more.
 */
class ManagementPortTest extends GatewayTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void shouldNotServeTheActuatorOnThePublicPort() {
        WebTestClient publicPort = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        for (String path : new String[]{"/actuator/health", "/actuator/gateway/routes", "/actuator/metrics",
                "/actuator/circuitbreakers"}) {
            publicPort.get().uri(path).exchange().expectStatus().isNotFound();
        }
    }

    @Test
    void shouldServeHealthWithoutDetailsOnTheManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/health").exchange()
                .expectBody()
                .jsonPath("$.status").exists()
                .jsonPath("$.components").doesNotExist()
                .jsonPath("$.details").doesNotExist();
        management.get().uri("/actuator/gateway/routes").exchange().expectStatus().isOk();
    }
}
