package com.ticketing.reservation.payment;

import com.ticketing.common.web.ApiResponse;
import com.ticketing.reservation.config.InternalClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.DeferringLoadBalancerInterceptor;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks payment-service ({@code GET /internal/payments/{paymentId}}) whether a payment is over. One call per
 * question under the {@code payment-service} circuit breaker and time limiter, with the client's connect and read
 * timeouts; any failure is "cannot tell now", never a guess.
 */
@Component
@EnableConfigurationProperties(PaymentClientProperties.class)
public class PaymentStates {

    public static final String SERVICE = "payment-service";

    private static final Logger log = LoggerFactory.getLogger(PaymentStates.class);
    private static final ParameterizedTypeReference<ApiResponse<Payment>> ANSWER = new ParameterizedTypeReference<>() {
    };

    /** What payment-service says about a payment. */
    public enum Verdict {
        /** FAILED or REFUNDED, or unknown to payment-service: it will never confirm the reservation. */
        OVER,
        /** Still under way or completed: its lock must stay. */
        HOLDS_RESERVATION,
        /** No answer (down, slow, breaker open): ask again later. */
        CANNOT_TELL
    }

    record Payment(Long paymentId, String status, Boolean holdsReservation) {
    }

    private final RestClient http;
    private final CircuitBreaker breaker;

    public PaymentStates(PaymentClientProperties props, ObjectProvider<DeferringLoadBalancerInterceptor> loadBalancer,
                         CircuitBreakerFactory<?, ?> breakers) {
        this.http = InternalClients.restClient(props.baseUrl(), props.loadBalanced(), props.connectTimeout(),
                props.readTimeout(), loadBalancer);
        this.breaker = breakers.create(SERVICE);
    }

    public Verdict of(long paymentId) {
        return breaker.run(() -> ask(paymentId), failure -> {
            log.debug("Cannot ask payment-service about payment {}: {}", paymentId, failure.toString());
            return Verdict.CANNOT_TELL;
        });
    }

    private Verdict ask(long paymentId) {
        return http.get()
                .uri("/internal/payments/{paymentId}", paymentId)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    if (response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return Verdict.OVER; // a payment payment-service does not have will never confirm anything
                    }
                    if (!response.getStatusCode().is2xxSuccessful()) {
                        throw new IllegalStateException("payment-service answered " + response.getStatusCode().value());
                    }
                    ApiResponse<Payment> body = response.bodyTo(ANSWER);
                    if (body == null || body.data() == null || body.data().holdsReservation() == null) {
                        throw new IllegalStateException("payment-service answered without holdsReservation");
                    }
                    return body.data().holdsReservation() ? Verdict.HOLDS_RESERVATION : Verdict.OVER;
                });
    }
}
