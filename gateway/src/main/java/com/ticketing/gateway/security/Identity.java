package com.ticketing.gateway.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.stream.Collectors;

/**
 * The verified caller of a request: the access token's user id ({@code sub}) and roles. Filters read it from the
 * exchange's principal, which Spring Security set after the token passed every check.
 */
public record Identity(String userId, String roles) {

    /** The access token's claim holding the roles ({@code ["USER","ADMIN"]}). */
    public static final String ROLES_CLAIM = "roles";

    /**
     * Set only by the benchmark routes' filter (the {@code bench} profile only): an identity
     * taken from a verified waiting-room token instead of an access token.
     */
    public static final String BENCH_IDENTITY_ATTR = Identity.class.getName() + ".bench";

    private static final String ROLE_PREFIX = "ROLE_";

    /** The verified identity, or empty for a request without a (valid) access token. */
    public static Mono<Identity> of(ServerWebExchange exchange) {
        Identity bench = exchange.getAttribute(BENCH_IDENTITY_ATTR);
        if (bench != null) {
            return Mono.just(bench);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(Identity::of);
    }

    static Identity of(JwtAuthenticationToken token) {
        String roles = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(ROLE_PREFIX))
                .map(a -> a.substring(ROLE_PREFIX.length()))
                .collect(Collectors.joining(","));
        return new Identity(token.getToken().getSubject(), roles);
    }
}
