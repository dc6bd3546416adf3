package com.ticketing.gateway.admission;

import org.springframework.test.context.DynamicPropertyRegistry;

public final class TestRoutes {

    public static final String SECRET_PROPERTY = "ticketing.queue.token-secret";

    private TestRoutes() {
    }

    /** Points the real routes' {@code lb://} services at the echo upstream (simple discovery, Eureka is off). */
    public static void pointServicesAt(EchoUpstream echo, DynamicPropertyRegistry registry) {
        for (String service : new String[]{"queue-service", "concert-service", "reservation-service", "payment-service"}) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", echo::uri);
        }
    }
}
