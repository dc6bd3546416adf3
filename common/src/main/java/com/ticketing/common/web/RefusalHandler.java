package com.ticketing.common.web;

import com.ticketing.common.refusal.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders a use case's {@link Refusal} as {@link ErrorBody} with the status of its kind ({@link RefusalStatus}),
 * 503s with {@code Retry-After} like every other 503. Ordered after a service's own advices for refusals that
 * carry more (payment-service's payment answer), and before the shared catch-all {@link RestErrorHandler}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class RefusalHandler {

    @ExceptionHandler(Refusal.class)
    public ResponseEntity<ErrorBody> handleRefusal(Refusal refusal) {
        HttpStatus status = RefusalStatus.of(refusal.kind());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, RestErrorHandler.RETRY_AFTER_SECONDS);
        }
        return answer.body(ErrorBody.of(refusal.code(), refusal.getMessage()));
    }
}
