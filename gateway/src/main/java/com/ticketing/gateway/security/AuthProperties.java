package com.ticketing.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code ticketing.auth.*}: how the gateway verifies access tokens (user-service is the OpenID provider).
 *
 * @param issuer             the {@code iss} every token must carry (user-service's configured issuer, the public
 *                           address clients log in at); no default outside the local profile
 * @param audience           a value the token's {@code aud} must contain
 * @param jwkSetUri          where the signing keys are published; a host that is a service id is resolved through
 *                           the registry ({@link #jwkSetLoadBalanced})
 * @param jwkSetLoadBalanced resolve {@link #jwkSetUri}'s host through the load balancer (Eureka)
 * @param jwkRefreshInterval keys are fetched again in the background this often (rotation); a failed fetch keeps
 *                           the keys already known, so tokens keep validating while user-service is down
 * @param jwkMinRefreshGap   a token naming an unknown {@code kid} triggers a fetch at most this often, so forged
 *                           key ids cannot turn the gateway into a load generator against user-service
 * @param jwkFetchTimeout    longest wait for the key set
 * @param verifiedTokens     how many verified access tokens are remembered ({@link VerifiedTokens}; 0: none, every
 *                           request checks its token in full)
 * @param verifiedTokenTtl   how long a verified token is remembered at most (never past its {@code exp}; a change of
 *                           the signing keys forgets them all)
 */
@ConfigurationProperties("ticketing.auth")
public record AuthProperties(String issuer,
                             @DefaultValue("ticketing-api") String audience,
                             @DefaultValue("http://user-service/oauth2/jwks") String jwkSetUri,
                             @DefaultValue("true") boolean jwkSetLoadBalanced,
                             @DefaultValue("5m") Duration jwkRefreshInterval,
                             @DefaultValue("10s") Duration jwkMinRefreshGap,
                             @DefaultValue("2s") Duration jwkFetchTimeout,
                             @DefaultValue("10000") int verifiedTokens,
                             @DefaultValue("60s") Duration verifiedTokenTtl) {

    public AuthProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("ticketing.auth.issuer (AUTH_ISSUER) must be set: the issuer of access tokens");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("ticketing.auth.audience must not be blank");
        }
        if (verifiedTokens < 0 || verifiedTokenTtl.isNegative() || verifiedTokenTtl.isZero()) {
            throw new IllegalArgumentException("ticketing.auth.verified-tokens must be >= 0 and verified-token-ttl positive");
        }
    }
}
