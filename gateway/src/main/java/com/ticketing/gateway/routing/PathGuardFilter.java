package com.ticketing.gateway.routing;

import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Locale;

/**
 * Refuses paths that a downstream server could normalize into a different path than the one routed
 * ({@code /v1/api/queue/../../internal/...}, encoded dots or slashes, backslashes): the gateway must never
 * become a way into {@code /internal/**} or a service's actuator. The first web filter: before the login check and
 * the body limit, on every path.
 */
@Component
public class PathGuardFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (raw != null && suspicious(raw)) {
            return GatewayErrors.write(exchange, HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST,
                    "path is not allowed");
        }
        return chain.filter(exchange);
    }

    static boolean suspicious(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT);
        return p.contains("/../") || p.endsWith("/..") || p.contains("/./") || p.endsWith("/.")
                || p.contains("%2e") || p.contains("%2f") || p.contains("%5c") || p.contains("\\")
                || p.contains(";") || p.contains("//");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
