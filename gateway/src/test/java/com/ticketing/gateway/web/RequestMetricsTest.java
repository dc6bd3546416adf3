package com.ticketing.gateway.web;

import com.ticketing.gateway.GatewayTest;
import com.ticketing.gateway.admission.TestTokens;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proxied request is timed once by the server and once by its route, and by nothing else: no "active requests"
 * long-task timers, no second client-side timer of the proxied call, no Spring Security filter observations (each
 * cost the gateway CPU on every request, and no dashboard reads them).
 */
class RequestMetricsTest extends GatewayTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldTimeAProxiedRequestByServerAndRouteOnly() {
        client.get().uri("/v1/api/user/amount")
                .header("Authorization", "Bearer " + TestTokens.user(77))
                .exchange()
                .expectStatus().isOk();

        List<String> names = meters.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).distinct().toList();
        assertThat(names).contains("spring.cloud.gateway.requests", "http.server.requests");
        assertThat(meters.getMeters()).noneMatch(meter -> meter instanceof LongTaskTimer);
        assertThat(names).doesNotContain("http.client.requests");
        assertThat(names).noneMatch(name -> name.startsWith("spring.security."));
    }
}
