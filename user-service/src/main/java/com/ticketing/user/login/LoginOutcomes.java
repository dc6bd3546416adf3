package com.ticketing.user.login;

import com.ticketing.user.web.ErrorResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * How a form login ended, for the limits: Spring's own handlers (back to the saved authorization request, or to
 * {@code /login?error}: the same answer for a wrong password and an unknown account), plus the counters. When
 * the account store itself failed, the answer is 503, not a failed login, and nothing more is counted.
 */
@Component
class LoginOutcomes {

    private static final Logger log = LoggerFactory.getLogger(LoginOutcomes.class);

    private final LoginAttempts attempts;
    private final LoginMetrics metrics;
    private final ErrorResponses errors;

    LoginOutcomes(LoginAttempts attempts, LoginMetrics metrics, ErrorResponses errors) {
        this.attempts = attempts;
        this.metrics = metrics;
        this.errors = errors;
    }

    AuthenticationSuccessHandler success() {
        AuthenticationSuccessHandler spring = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            LoginAttempt attempt = LoginAttempt.of(request);
            if (attempt != null) {
                attempts.succeeded(attempt);
            }
            metrics.succeeded();
            spring.onAuthenticationSuccess(request, response, authentication);
        };
    }

    AuthenticationFailureHandler failure() {
        AuthenticationFailureHandler spring = new SimpleUrlAuthenticationFailureHandler(LoginSecurityConfiguration.FAILURE_URL);
        return (request, response, exception) -> {
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
            spring.onAuthenticationFailure(request, response, exception);
        };
    }
}
