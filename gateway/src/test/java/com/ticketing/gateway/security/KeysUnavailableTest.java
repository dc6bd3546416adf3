package com.ticketing.gateway.security;

import com.ticketing.gateway.admission.EchoUpstream;
import com.ticketing.gateway.admission.TestRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** With no signing key ever fetched and the key server unreachable, a token is answered 503: never a pass, never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class KeysUnavailableTest {

    private static final EchoUpstream UPSTREAM = EchoUpstream.shared();

    @Autowired
    WebTestClient client;


    @DynamicPropertySource
    static void keyServerDown(DynamicPropertyRegistry registry) throws IOException {
        // Its own settings, not GatewayTest's: the key-set address below must win over TestTokens'.
        TestRoutes.pointServicesAt(UPSTREAM, registry);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        registry.add("ticketing.auth.jwk-set-uri", () -> "http://127.0.0.1:" + closedPort + "/oauth2/jwks");
    }

    @Test
    void shouldAnswer503WhenNoSigningKeyCanBeFetched() {
        int before = UPSTREAM.calls();
        for (int i = 0; i < 3; i++) {
            client.get().uri("/v1/api/user/amount")
                    .header("Authorization", TestRoutes.bearer(9))
                    .exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
        }
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }
}
