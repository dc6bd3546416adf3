package com.ticketing.user.web;

import com.ticketing.common.web.ErrorBody;
import com.ticketing.common.web.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database being unreachable or the connection pool exhausted is a temporary server condition, not a
 * bug: answer 503 with {@code Retry-After} (before the shared handler would answer 500). Every balance
 * endpoint is idempotent or read-only, so a retry is safe; a debit whose outcome is unknown can also be
 * looked up with {@code GET /internal/users/{userId}/debits/{paymentId}}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class})
    ResponseEntity<ErrorBody> databaseUnavailable(RuntimeException ex) {
        log.warn("Database unavailable: {}", ex.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(ErrorCodes.SERVICE_UNAVAILABLE, "the database is unavailable; retry"));
    }
}
