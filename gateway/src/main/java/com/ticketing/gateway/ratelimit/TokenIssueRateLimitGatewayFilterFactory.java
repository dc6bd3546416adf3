package com.ticketing.gateway.ratelimit;

import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rate limits queue-token issue per user id (read from the JSON body) and per client address, with the
 * gateway's Redis token buckets ({@link RedisRateLimiter}). A denied request gets 429 JSON with
 * {@code Retry-After}; an oversized body gets 413 before it is buffered. A body without a readable user id
 * is only limited per address and left for queue-service to reject with its own 400.
 */
public class TokenIssueRateLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final Pattern USER_ID = Pattern.compile("\"userId\"\\s*:\\s*\"?(\\d{1,18})\"?");

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
            long length = exchange.getRequest().getHeaders().getContentLength();
            if (length > props.maxBodyBytes()) {
                return GatewayErrors.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                        "request body is too large");
            }
            String address = clientAddress(exchange.getRequest());
            return perAddress.isAllowed("token-issue-address", "ip:" + address).flatMap(byAddress -> {
                if (!byAddress.isAllowed()) {
                    return deny(exchange);
                }
                return ServerWebExchangeUtils.cacheRequestBodyAndRequest(exchange, request -> {
                    DataBuffer body = exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR);
                    String userId = body == null ? null : userIdOf(body);
                    ServerWebExchange cached = exchange.mutate().request(request).build();
                    if (userId == null) {
                        return chain.filter(cached);
                    }
                    return perUser.isAllowed("token-issue-user", "user:" + userId).flatMap(byUser ->
                            byUser.isAllowed() ? chain.filter(cached) : deny(exchange));
                });
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

    static String userIdOf(DataBuffer body) {
        int n = Math.min(body.readableByteCount(), 4096);
        byte[] bytes = new byte[n];
        body.toByteBuffer(body.readPosition(), java.nio.ByteBuffer.wrap(bytes), 0, n);
        Matcher m = USER_ID.matcher(new String(bytes, StandardCharsets.UTF_8));
        return m.find() ? m.group(1) : null;
    }
}
