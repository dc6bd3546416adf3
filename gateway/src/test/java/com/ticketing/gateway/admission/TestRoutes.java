package com.ticketing.gateway.admission;

import org.springframework.test.context.DynamicPropertyRegistry;

public final class TestRoutes {

    public static final String SECRET_PROPERTY = "ticketing.queue.token-secret";

    private TestRoutes() {
    }

    /**
     * Points the real routes' {@code lb://} services at the echo upstream (simple discovery, Eureka is off), and the
     * access-token checks at {@link TestTokens}' issuer and keys.
     */
    public static void pointServicesAt(EchoUpstream echo, DynamicPropertyRegistry registry) {
        for (String service : new String[]{"queue-service", "user-service", "concert-service", "reservation-service",
                "payment-service"}) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", echo::uri);
        }
        TestTokens.register(registry);
    }

    /** {@code Authorization} with a valid access token of {@code userId}. */
    public static String bearer(long userId) {
        return "Bearer " + TestTokens.user(userId);
    }
}
