package com.ticketing.user.auth;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.util.List;
import java.util.Map;

/**
 * The suite's first-party clients ({@code ticketing.auth.clients.<client-id>}): all public (no secret), the
 * authorization-code grant with PKCE (S256) and refresh tokens that rotate, no consent screen, scopes
 * {@code openid} and {@code profile}. The registered-client id IS the client id, so authorizations persisted by
 * one start (or replica) stay valid for the next.
 */
final class RegisteredClients {

    /** The scopes every client may ask for. */
    static final List<String> SCOPES = List.of(OidcScopes.OPENID, OidcScopes.PROFILE);

    private RegisteredClients() {
    }

    static RegisteredClientRepository from(AuthProperties properties) {
        if (properties.clients().isEmpty()) {
            throw new IllegalStateException("ticketing.auth.clients: at least one client must be registered");
        }
        List<RegisteredClient> clients = properties.clients().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(client -> client(client.getKey(), client.getValue(), properties))
                .toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient client(String clientId, AuthProperties.Client client, AuthProperties properties) {
        try {
            return RegisteredClient.withId(clientId)
                    .clientId(clientId)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(client.redirectUris()))
                    .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                    .scopes(scopes -> scopes.addAll(SCOPES))
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(false)
                            .build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                            .accessTokenTimeToLive(properties.accessTokenTtl())
                            .refreshTokenTimeToLive(properties.refreshTokenTtl())
                            .reuseRefreshTokens(false)
                            .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                            .build())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ticketing.auth.clients." + clientId + ": " + e.getMessage(), e);
        }
    }
}
