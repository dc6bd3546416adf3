package com.ticketing.gateway.routing;

import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Target of every route's circuit-breaker {@code forward:} fallback. Answers every method (a forward keeps
 * the original one) with 503, {@code Retry-After} and the JSON error body.
 */
@RestController
class FallbackController {

    static final int RETRY_AFTER_SECONDS = 5;

    @RequestMapping("/fallback/{service}")
    public Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        return GatewayErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                ErrorCodes.SERVICE_UNAVAILABLE, service + " is temporarily unavailable", RETRY_AFTER_SECONDS);
    }
}
