package com.ticketing.gateway.routing;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.auth.InvalidQueueTokenException;
import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import com.ticketing.gateway.security.Identity;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Benchmark routes only (the {@code bench} profile, never in production): the caller is the user of
 * the verified waiting-room token, so the waiting-room check can be measured without the access-token check in
 * front of it. A missing or bad token → 401, as on the real route.
 */
class BenchQueueTokenIdentity implements GatewayFilter {

    private final QueueTokenCodec codec;

    BenchQueueTokenIdentity(QueueTokenCodec codec) {
        this.codec = codec;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        QueueToken token;
        try {
            token = codec.verifyHeader(exchange.getRequest().getHeaders().getFirst(AuthHeaders.QUEUE_TOKEN));
        } catch (InvalidQueueTokenException e) {
            return GatewayErrors.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.INVALID_TOKEN, e.getMessage());
        }
        exchange.getAttributes().put(Identity.BENCH_IDENTITY_ATTR, new Identity(Long.toString(token.userId()), "USER"));
        return chain.filter(exchange);
    }
}
