package com.ticketing.gateway.security;

import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The suite's JSON errors for authentication and authorization at the gateway:
 * <ul>
 *   <li>no access token → 401 {@code UNAUTHENTICATED}, {@code WWW-Authenticate: Bearer};</li>
 *   <li>an invalid one (signature, algorithm, issuer, audience, expiry, not-before, subject) → 401
 *       {@code INVALID_TOKEN}, {@code WWW-Authenticate: Bearer error="invalid_token"} (RFC 6750), with no detail of
 *       which check failed;</li>
 *   <li>the signing keys cannot be fetched and none is known → 503 with {@code Retry-After} (fail closed);</li>
 *   <li>a valid token without the role a route needs → 403 {@code FORBIDDEN}.</li>
 * </ul>
 */
final class AuthErrors implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        if (ex instanceof AuthenticationServiceException) {
            return GatewayErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorCodes.SERVICE_UNAVAILABLE, "logins cannot be checked right now; retry shortly", 2);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (ex instanceof OAuth2AuthenticationException) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            return GatewayErrors.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.INVALID_TOKEN,
                    "the access token is invalid or expired: log in again");
        }
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return GatewayErrors.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
                "log in first: send the access token as Authorization: Bearer <token>");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return GatewayErrors.write(exchange, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                "this account may not do that");
    }
}
