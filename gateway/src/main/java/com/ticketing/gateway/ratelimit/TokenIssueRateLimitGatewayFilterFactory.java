package com.ticketing.gateway.ratelimit;

import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import com.ticketing.gateway.security.Identity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * Rate limits waiting-room token issue per logged-in user (the verified access token's subject) and per client
 * address, with the gateway's Redis token buckets ({@link RedisRateLimiter}). A denied request gets 429 JSON with
 * {@code Retry-After}. The body is never read here (its size is bounded by {@code RequestBodyLimitFilter}).
 */
public class TokenIssueRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final RedisRateLimiter perUser;
    private final RedisRateLimiter perAddress;
    private final RateLimitProperties props;
    private final Counter limited;

    public TokenIssueRateLimitGatewayFilterFactory(RedisRateLimiter perUser, RedisRateLimiter perAddress,
                                                   RateLimitProperties props, MeterRegistry meters) {
        super(Object.class);
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.props = props;
        this.limited = Counter.builder("gateway.rate_limited").tag("route", "queue-token-issue")
                .description("token-issue requests refused by the rate limiter").register(meters);
    }

    @Override
    public String name() {
        return "TokenIssueRateLimit";
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> {
            if (!props.enabled()) {
                return chain.filter(exchange);
            }
            String address = clientAddress(exchange.getRequest());
            return perAddress.isAllowed("token-issue-address", "ip:" + address).flatMap(byAddress -> {
                if (!byAddress.isAllowed()) {
                    return deny(exchange);
                }
                // The route requires a verified access token: the user is its subject, never text from the request.
                return Identity.of(exchange).map(Identity::userId).defaultIfEmpty("").flatMap(userId -> userId.isEmpty()
                        ? GatewayErrors.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "log in first")
                        : perUser.isAllowed("token-issue-user", "user:" + userId).flatMap(byUser ->
                                byUser.isAllowed() ? chain.filter(exchange) : deny(exchange)));
            });
        };
    }

    private Mono<Void> deny(ServerWebExchange exchange) {
        limited.increment();
        return GatewayErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
                "too many token requests; retry later", 1);
    }

    private String clientAddress(ServerHttpRequest request) {
        if (props.trustForwardedFor()) {
            String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
