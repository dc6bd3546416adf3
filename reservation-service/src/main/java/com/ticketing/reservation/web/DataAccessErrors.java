package com.ticketing.reservation.web;

import com.ticketing.common.web.ErrorBody;
import com.ticketing.common.web.ErrorCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database being unreachable, saturated or in lock contention is an outage the client can retry,
 * not a bug: 503 with {@code Retry-After}, never a 500. Ordered before the shared catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DataAccessErrors {

    private static final Logger log = LoggerFactory.getLogger(DataAccessErrors.class);

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            QueryTimeoutException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ErrorBody> unavailable(Exception ex) {
        log.warn("Database unavailable or contended: {}", ex.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(ErrorCodes.SERVICE_UNAVAILABLE, "the service is busy, try again"));
    }
}
