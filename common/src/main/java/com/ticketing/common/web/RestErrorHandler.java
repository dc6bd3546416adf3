package com.ticketing.common.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Renders every failure of a servlet service as {@link ErrorBody}. Client mistakes (unreadable JSON,
 * wrong types, failed validation, unknown paths, wrong methods) become 4xx with a stable code; anything
 * unexpected becomes a 500 with a generic message and is logged here, never sent to the client.
 */
@RestControllerAdvice
public class RestErrorHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

    /**
     * Sent with every 503, whatever its cause (an open breaker, a dependency or a store down): the suite's one
     * {@code Retry-After}. The outages behind a 503 last seconds.
     */
    public static final String RETRY_AFTER_SECONDS = "2";

    private static final long LOG_OUTAGE_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final AtomicLong outageLoggedAt = new AtomicLong(System.nanoTime() - LOG_OUTAGE_EVERY_NANOS);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ErrorBody> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return body(HttpStatus.BAD_REQUEST, ErrorCodes.VALIDATION_FAILED,
                "parameter '" + ex.getName() + "' has an invalid value");
    }

    /**
     * A store (MariaDB, Redis) down, unreachable or saturated is an outage the client may retry, not a bug
     * ({@link Outages}): 503 with {@code Retry-After}. Logged at most every 10 s, not once per request.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class})
    public ResponseEntity<ErrorBody> handleOutage(Exception ex) {
        long now = System.nanoTime();
        long last = outageLoggedAt.get();
        if (now - last >= LOG_OUTAGE_EVERY_NANOS && outageLoggedAt.compareAndSet(last, now)) {
            log.warn("A store is unavailable, answering 503 (logged at most every 10 s): {}", ex.toString());
        }
        return body(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                "the service is temporarily unavailable, try again shortly");
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ErrorBody> handleUnexpected(Exception ex) {
        if (Outages.isOutage(ex)) {
            return handleOutage(ex); // wrapped by JPA, a transaction or a use case: still an outage
        }
        log.error("Unexpected failure", ex);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR, "unexpected error");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        out.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(ErrorBody.of(codeFor(ex, statusCode), messageFor(ex, statusCode)), out, statusCode);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException) {
            return ErrorCodes.MALFORMED_REQUEST;
        }
        if (ex instanceof NoResourceFoundException || status.value() == 404) {
            return ErrorCodes.NOT_FOUND;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ErrorCodes.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
        }
        if (status.value() == 413) {
            return ErrorCodes.PAYLOAD_TOO_LARGE;
        }
        return status.is4xxClientError() ? ErrorCodes.VALIDATION_FAILED : ErrorCodes.INTERNAL_ERROR;
    }

    private static String messageFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return invalid.getBindingResult().getAllErrors().stream()
                    .map(e -> e instanceof FieldError f ? f.getField() + ": " + f.getDefaultMessage() : e.getDefaultMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            return invalid.getAllErrors().stream()
                    .map(e -> e.getDefaultMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "request body is missing or is not valid JSON of the expected shape";
        }
        if (ex instanceof NoResourceFoundException || status.value() == 404) {
            return "no such resource";
        }
        if (status.is5xxServerError()) {
            return "unexpected error";
        }
        // Spring's own messages for 4xx (missing parameter, wrong method, media type) name no internals.
        return ex.getMessage();
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String code, String message) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.body(ErrorBody.of(code, message));
    }
}
