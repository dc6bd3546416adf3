package com.ticketing.payment;

import com.ticketing.common.remote.RemoteClients;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The breakers, bulkheads and retries configured in YAML are the ones the clients actually use. */
class ResilienceConfigurationTest extends PaymentServiceIntegrationTest {

    @Autowired
    BulkheadRegistry bulkheads;
    @Autowired
    RetryRegistry retries;
    @Autowired
    ApplicationContext context;
    @Autowired
    RemoteClients clients;

    @Test
    void shouldGuardEachDownstreamWithItsOwnConfiguredBreakerBulkheadAndRetry() {
        USERS.setBalance(7, 50_000);
        RESERVATIONS.hold(42, 7, 12_000);
        assertThat(pay(7, 42).status()).isEqualTo(200); // both breakers have been used

        for (String service : new String[] {"user-service", "reservation-service"}) {
            CircuitBreakerConfig breaker = breakers.getCircuitBreakerRegistry().circuitBreaker(service)
                    .getCircuitBreakerConfig();
            assertThat(breaker.getSlidingWindowSize()).as(service).isEqualTo(10);
            assertThat(breaker.getMinimumNumberOfCalls()).as(service).isEqualTo(5);
            assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker(service).getMetrics()
                    .getNumberOfSuccessfulCalls()).as(service).isPositive();
            assertThat(bulkheads.bulkhead(service).getBulkheadConfig().getMaxConcurrentCalls()).as(service)
                    .isEqualTo(100);
            assertThat(bulkheads.bulkhead(service).getBulkheadConfig().getMaxWaitDuration()).isEqualTo(Duration.ZERO);
            assertThat(retries.retry(service).getRetryConfig().getMaxAttempts()).as(service).isEqualTo(2);
        }
    }

    @Test
    void shouldKeepAsManyConnectionsToEachDownstreamAsItsBulkheadLetsCallsRunAtOnce() {
        assertThat(clients.client("user").settings().maxConnections())
                .isEqualTo(bulkheads.bulkhead("user-service").getBulkheadConfig().getMaxConcurrentCalls());
        assertThat(clients.client("reservation").settings().maxConnections())
                .isEqualTo(bulkheads.bulkhead("reservation-service").getBulkheadConfig().getMaxConcurrentCalls());
    }

    @Test
    void shouldKeepTheLoadBalancedBuilderAwayFromPlainInjectionSuchAsEurekasTransport() {
        // Eureka's client asks for any RestClient.Builder; a load-balanced one would make it resolve its server's
        // host as a service id and never register this instance.
        assertThat(context.getBeanProvider(RestClient.Builder.class).getIfAvailable()).isNull();
    }
}
