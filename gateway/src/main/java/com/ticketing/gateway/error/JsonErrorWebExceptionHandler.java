package com.ticketing.gateway.error;

import com.ticketing.common.web.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Every error the gateway itself produces (no route, bad request line, downstream unreachable) answers with
 * the suite's JSON error body; nothing internal leaks. Runs before Boot's default handler.
 */
@Component
@Order(-2)
public class JsonErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof ResponseStatusException rse) {
            HttpStatusCode code = rse.getStatusCode();
            HttpStatus status = HttpStatus.resolve(code.value());
            if (status == null) {
                status = HttpStatus.BAD_REQUEST;
            }
            if (status == HttpStatus.NOT_FOUND) {
                return GatewayErrors.write(exchange, status, ErrorCodes.NOT_FOUND, "no such resource");
            }
            if (status == HttpStatus.SERVICE_UNAVAILABLE || status == HttpStatus.GATEWAY_TIMEOUT) {
                return GatewayErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                        ErrorCodes.SERVICE_UNAVAILABLE, "service temporarily unavailable", 5);
            }
            if (status.is4xxClientError()) {
                String c = switch (status) {
                    case METHOD_NOT_ALLOWED -> ErrorCodes.METHOD_NOT_ALLOWED;
                    case PAYLOAD_TOO_LARGE -> ErrorCodes.PAYLOAD_TOO_LARGE;
                    case UNSUPPORTED_MEDIA_TYPE -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
                    default -> ErrorCodes.MALFORMED_REQUEST;
                };
                return GatewayErrors.write(exchange, status, c, status.getReasonPhrase());
            }
        }
        if (ex instanceof ConnectException || ex instanceof TimeoutException
                || ex.getCause() instanceof ConnectException) {
            return GatewayErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorCodes.SERVICE_UNAVAILABLE, "service temporarily unavailable", 5);
        }
        log.error("Unexpected gateway failure on {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex);
        return GatewayErrors.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR,
                "unexpected error");
    }
}
