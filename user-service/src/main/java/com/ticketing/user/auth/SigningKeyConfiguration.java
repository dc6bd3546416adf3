package com.ticketing.user.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The authorization server's settings and keys. Separate from the security chain so that the start-up checks
 * (a missing or weak key, a too-long access-token lifetime) can be tested on their own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class SigningKeyConfiguration {

    @Bean
    SigningKeys signingKeys(AuthProperties properties) {
        return SigningKeys.from(properties.signingKey());
    }

    /** The JWKS ({@code /oauth2/jwks}) and the keys this service checks its own tokens with ({@code /userinfo}). */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.verificationKeys();
    }
}
