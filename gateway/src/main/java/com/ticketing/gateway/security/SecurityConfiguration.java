package com.ticketing.gateway.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The gateway is an OAuth2 resource server (Spring Security, reactive): every {@code /v1/api/**} call needs a valid
 * access token issued by user-service (RS256 JWT: signature against user-service's JWK set, issuer, audience,
 * expiry and not-before, a numeric {@code sub}); {@code /v1/api/admin/**} needs the role ADMIN. Sign-up, the OpenID
 * endpoints, the API docs and the web client are public. Stateless: no session, no cookie, no CSRF (nothing is
 * authenticated by a cookie here).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(AuthProperties.class)
class SecurityConfiguration {

    /** Public routes under {@code /v1/api}: account sign-up. */
    static final String SIGN_UP = "/v1/api/user/accounts";

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder, AuthErrors errors) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        bearer.setAllowUriQueryParameter(false);
        // Unavailable keys reach AuthErrors (503) instead of being rethrown as a server error.
        ServerAuthenticationEntryPointFailureHandler failures = new ServerAuthenticationEntryPointFailureHandler(errors);
        failures.setRethrowAuthenticationServiceException(false);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(c -> c.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(ex -> ex
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(HttpMethod.POST, SIGN_UP).permitAll()
                        .pathMatchers("/v1/api/admin/**").hasRole("ADMIN")
                        .pathMatchers("/v1/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenConverter(bearer)
                        .authenticationEntryPoint(errors)
                        .authenticationFailureHandler(failures)
                        .accessDeniedHandler(errors)
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(rolesConverter())))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    @Bean
    AuthErrors authErrors() {
        return new AuthErrors();
    }

    @Bean
    JwkSetCache jwkSetCache(AuthProperties props, ObjectProvider<ReactorLoadBalancerExchangeFilterFunction> loadBalancer) {
        WebClient.Builder client = WebClient.builder();
        if (props.jwkSetLoadBalanced()) {
            client.filter(loadBalancer.getObject());
        }
        JwkSetCache keys = new JwkSetCache(client.build(), props.jwkSetUri(), props.jwkFetchTimeout(),
                props.jwkMinRefreshGap());
        keys.startRefreshing(props.jwkRefreshInterval());
        return keys;
    }

    @Bean
    ReactiveJwtDecoder accessTokenDecoder(JwkSetCache keys, AuthProperties props) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(props));
        // The decoder reports "no key could be fetched" as a bare IllegalStateException; as a JwtException it becomes
        // Spring Security's AuthenticationServiceException, answered 503 by AuthErrors (not a 500, not a pass).
        ReactiveJwtDecoder checked = token -> decoder.decode(token).onErrorMap(IllegalStateException.class,
                e -> new JwtException("access-token signing keys are unavailable", e));
        if (props.verifiedTokens() == 0) {
            return checked;
        }
        VerifiedTokens verified = new VerifiedTokens(checked, props.verifiedTokens(), props.verifiedTokenTtl(),
                Clock.systemUTC());
        keys.onKeysChanged(verified::forgetAll);
        return verified;
    }

    /** Issuer, audience, time window (60 s skew), a {@code typ} of JWT if any, and a numeric user id in {@code sub}. */
    static OAuth2TokenValidator<Jwt> validator(AuthProperties props) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(props.audience()));
        OAuth2TokenValidator<Jwt> userId = new JwtClaimValidator<String>(JwtClaimNames.SUB, UserIds::isValid);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(props.issuer()), audience, userId));
    }

    /** The {@code roles} claim ({@code ["USER","ADMIN"]}) becomes the authorities {@code ROLE_USER}, {@code ROLE_ADMIN}. */
    static ReactiveJwtAuthenticationConverterAdapter rolesConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Identity.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

}
