package com.ticketing.gateway.web;

import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No request body over {@code ticketing.gateway.max-body-bytes} (16 KiB; the API's bodies are small JSON documents
 * and login forms) reaches a service or sits in the gateway's memory, on any route, before or after login:
 * <ul>
 *   <li>a declared {@code Content-Length} over the limit → 413 at once, nothing read;</li>
 *   <li>a body of unknown length (chunked) is read up to the limit: one byte more → 413 while it streams, the bytes
 *       read so far released and the connection closed; within the limit it goes on as one buffer.</li>
 * </ul>
 * Runs first, before authentication, so a large anonymous upload costs no more than a small one.
 */
@Component
public class RequestBodyLimitFilter implements WebFilter, Ordered {

    private final int maxBytes;
    private final Counter refused;

    public RequestBodyLimitFilter(@Value("${ticketing.gateway.max-body-bytes:16384}") int maxBytes, MeterRegistry meters) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("ticketing.gateway.max-body-bytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.refused = Counter.builder("gateway.body_too_large")
                .description("requests refused because their body is over the limit").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long length = headers.getContentLength();
        if (length > maxBytes) {
            return tooLarge(exchange);
        }
        if (length >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
                .map(body -> withBody(exchange, Flux.just(body)))
                .defaultIfEmpty(exchange)
                .onErrorResume(DataBufferLimitException.class, e -> Mono.empty())
                .flatMap(buffered -> chain.filter(buffered).thenReturn(Boolean.TRUE))
                .switchIfEmpty(Mono.defer(() -> tooLarge(exchange).thenReturn(Boolean.FALSE)))
                .then();
    }

    private static ServerWebExchange withBody(ServerWebExchange exchange, Flux<DataBuffer> body) {
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return body;
            }
        };
        return exchange.mutate().request(request).build();
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        refused.increment();
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return GatewayErrors.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                "request body is over " + maxBytes + " bytes");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
