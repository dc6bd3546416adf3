package com.ticketing.gateway;

import com.ticketing.gateway.admission.EchoUpstream;
import com.ticketing.gateway.admission.TestRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway on a random port with its real routes and filters, every service pointed at one shared echo upstream
 * (simple discovery, Eureka off) and the access-token checks at {@code TestTokens}' issuer and keys. Test classes
 * with the same settings share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class GatewayTest {

    protected static final EchoUpstream UPSTREAM = EchoUpstream.shared();

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        TestRoutes.pointServicesAt(UPSTREAM, registry);
    }
}
