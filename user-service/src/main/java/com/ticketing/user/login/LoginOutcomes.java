package com.ticketing.user.login;

import com.ticketing.user.web.ErrorResponses;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * How a form login ended, for the limits: Spring's own handlers (back to the saved authorization request, or to
 * {@code /login?error}: the same answer for a wrong password and an unknown account), plus the counters. When
 * the account store itself failed, the answer is 503, not a failed login, and nothing more is counted. The form
 * login's success and failure handler: an HTTP adapter of the login feature, like its filters.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(LoginOutcomes.class);

    private final LoginAttempts attempts;
    private final LoginMetrics metrics;
    private final ErrorResponses errors;
    private final AuthenticationSuccessHandler springSuccess = new SavedRequestAwareAuthenticationSuccessHandler();
    private final AuthenticationFailureHandler springFailure =
            new SimpleUrlAuthenticationFailureHandler(LoginSecurityConfiguration.FAILURE_URL);

    LoginOutcomes(LoginAttempts attempts, LoginMetrics metrics, ErrorResponses errors) {
        this.attempts = attempts;
        this.metrics = metrics;
        this.errors = errors;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        LoginAttempt attempt = LoginAttempt.of(request);
        if (attempt != null) {
            attempts.succeeded(attempt);
        }
        metrics.succeeded();
        springSuccess.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof InternalAuthenticationServiceException) {
            log.warn("Login could not be checked: {}", String.valueOf(exception.getCause()));
            metrics.unavailable();
            LoginStoreGuard.answerUnavailable(errors, response);
            return;
        }
        LoginAttempt attempt = LoginAttempt.of(request);
        if (attempt != null) {
            attempts.failed(attempt);
        }
        metrics.failed();
        springFailure.onAuthenticationFailure(request, response, exception);
    }
}
