package com.ticketing.user.login;

import com.ticketing.common.web.ErrorCodes;
import com.ticketing.common.web.RestErrorHandler;
import com.ticketing.user.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Fails the login flow closed, with 503 JSON and {@code Retry-After}, never a 500, when a store it needs is down:
 * <ul>
 *   <li>requests that use the login session (Spring Session in Redis: the login page and form, logout,
 *       {@code /oauth2/authorize}, {@code /connect/logout}) first check that Redis answers, because the session is
 *       written only after the response was produced;</li>
 *   <li>any request of the chain that fails on Redis or the database being unreachable or timing out answers 503
 *       if nothing was sent yet.</li>
 * </ul>
 * Built by the security configuration for its chains, not registered as a servlet filter.
 */
public final class LoginStoreGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginStoreGuard.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(Long.parseLong(RestErrorHandler.RETRY_AFTER_SECONDS));

    private final StringRedisTemplate redis;
    private final ErrorResponses errors;
    private final RequestMatcher usesSession;

    public LoginStoreGuard(StringRedisTemplate redis, ErrorResponses errors, RequestMatcher usesSession) {
        this.redis = redis;
        this.errors = errors;
        this.usesSession = usesSession;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (usesSession.matches(request)) {
                redis.execute((RedisCallback<String>) RedisConnection::ping);
            }
            chain.doFilter(request, response);
        } catch (RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Login store unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            answerUnavailable(errors, response);
        }
    }

    /** 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}: the login cannot be checked right now. */
    static void answerUnavailable(ErrorResponses errors, HttpServletResponse response) throws IOException {
        errors.write(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                "login is unavailable for a moment; retry", RETRY_AFTER);
    }

    /** Redis or the database unreachable, timing out or refusing service: temporary, not a bug. */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RedisSystemException) {
                return true;
            }
        }
        return false;
    }
}
