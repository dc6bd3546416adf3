package com.ticketing.user.login;

import com.ticketing.user.UserErrors;
import com.ticketing.user.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Runs before every POST /login is looked at (before CSRF and the password check): an account or address over
 * its failed-login limit gets 429 {@code LOGIN_RATE_LIMITED} with {@code Retry-After}, even with the right
 * password, and the same answer whether or not the account exists. Otherwise the attempt is counted and goes on;
 * {@link LoginOutcomes} records how it ended.
 */
final class LoginAttemptFilter extends OncePerRequestFilter {

    private final RequestMatcher loginForm = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
    private final LoginAttempts attempts;
    private final LoginMetrics metrics;
    private final ErrorResponses errors;

    LoginAttemptFilter(LoginAttempts attempts, LoginMetrics metrics, ErrorResponses errors) {
        this.attempts = attempts;
        this.metrics = metrics;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !loginForm.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LoginAttempt attempt = LoginAttempt.of(request, LoginSecurityConfiguration.USERNAME_PARAMETER);
        LoginAttempts.Admission admission = attempts.admit(attempt);
        if (!admission.admitted()) {
            metrics.rateLimited();
            errors.write(response, HttpStatus.TOO_MANY_REQUESTS, UserErrors.LOGIN_RATE_LIMITED,
                    "too many failed logins; try again later", admission.retryAfter());
            return;
        }
        attempt.attachTo(request);
        chain.doFilter(request, response);
    }
}
