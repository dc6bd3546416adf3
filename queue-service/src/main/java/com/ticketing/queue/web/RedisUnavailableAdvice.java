package com.ticketing.queue.web;

import com.ticketing.common.web.ErrorBody;
import com.ticketing.common.web.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis down, unreachable, too slow or still loading is an outage, not a bug: 503 with {@code Retry-After}
 * and the usual error body, ahead of the shared handler's generic 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RedisUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(RedisUnavailableAdvice.class);
    static final String RETRY_AFTER_SECONDS = "2";
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ErrorBody> redisUnavailable(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            log.warn("Redis unavailable, answering 503 (logged at most every 10 s): {}", e.toString());
        }
        return unavailable();
    }

    @ExceptionHandler(RedisSystemException.class)
    ResponseEntity<ErrorBody> redisError(RedisSystemException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (message.startsWith("LOADING") || message.startsWith("BUSY") || message.startsWith("READONLY")
                || message.startsWith("MASTERDOWN") || message.startsWith("TRYAGAIN")) {
            log.warn("Redis temporarily unable to serve: {}", message);
            return unavailable();
        }
        log.error("Redis command failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(ErrorCodes.INTERNAL_ERROR, "unexpected error"));
    }

    private static ResponseEntity<ErrorBody> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(ErrorCodes.SERVICE_UNAVAILABLE, "the waiting room is temporarily unavailable"));
    }
}
