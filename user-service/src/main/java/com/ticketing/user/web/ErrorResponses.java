package com.ticketing.user.web;

import com.ticketing.common.web.ErrorBody;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;

/**
 * Writes the project's error body ({@code {"error": {"code", "message"}}}) from a servlet filter, where no
 * controller advice runs: the login limits and the login's store outages answer with it.
 */
@Component
public class ErrorResponses {

    private final JsonMapper json;

    ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** @param retryAfter sent as {@code Retry-After} in whole seconds (at least 1), or {@code null} for none */
    public void write(HttpServletResponse response, HttpStatus status, String code, String message, Duration retryAfter)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (retryAfter != null) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        response.getOutputStream().write(json.writeValueAsBytes(ErrorBody.of(code, message)));
        response.flushBuffer();
    }
}
