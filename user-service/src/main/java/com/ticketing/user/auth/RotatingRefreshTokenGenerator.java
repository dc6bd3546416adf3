package com.ticketing.user.auth;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Refresh tokens for the registered PUBLIC clients, which Spring Authorization Server's own generator refuses
 * them. OAuth 2.1 (section 4.3.1) allows refresh tokens for public clients when they are sender-constrained or
 * rotated: this generator issues them only to clients whose tokens rotate ({@code reuseRefreshTokens(false)}):
 * every refresh returns a new refresh token and the old one stops working (the authorization server replaces it
 * in the stored authorization). A rotated token keeps the expiry of the one it replaces: a login lasts at most
 * the refresh-token lifetime, however often it is refreshed. The value is 96 random bytes, Base64url.
 */
final class RotatingRefreshTokenGenerator implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
    private final Clock clock;

    RotatingRefreshTokenGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
            return null;
        }
        RegisteredClient client = context.getRegisteredClient();
        if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)
                || client.getTokenSettings().isReuseRefreshTokens()) {
            return null;
        }
        Instant issuedAt = clock.instant();
        Instant expiresAt = issuedAt.plus(client.getTokenSettings().getRefreshTokenTimeToLive());
        Instant loginEnds = expiryOfReplacedToken(context);
        if (loginEnds != null && loginEnds.isBefore(expiresAt)) {
            expiresAt = loginEnds;
        }
        return new OAuth2RefreshToken(values.generateKey(), issuedAt, expiresAt);
    }

    /** On a refresh, the expiry of the refresh token being rotated out (still the authorization's at this point). */
    private static Instant expiryOfReplacedToken(OAuth2TokenContext context) {
        if (!AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())) {
            return null;
        }
        OAuth2Authorization authorization = context.getAuthorization();
        if (authorization == null || authorization.getRefreshToken() == null) {
            return null;
        }
        return authorization.getRefreshToken().getToken().getExpiresAt();
    }
}
