package com.ticketing.user.auth;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;

import java.util.List;

/**
 * What {@code /.well-known/openid-configuration} and {@code /.well-known/oauth-authorization-server} advertise:
 * what the registered clients can actually use (public clients: authentication method {@code none}; the
 * authorization-code and refresh-token grants), not everything Spring Authorization Server could offer.
 */
final class DiscoveryMetadata {

    private static final List<String> METHODS = List.of(ClientAuthenticationMethod.NONE.getValue());
    private static final List<String> GRANTS = List.of(AuthorizationGrantType.AUTHORIZATION_CODE.getValue(),
            AuthorizationGrantType.REFRESH_TOKEN.getValue());

    private DiscoveryMetadata() {
    }

    static void forPublicClients(OAuth2AuthorizationServerMetadata.Builder metadata) {
        metadata.tokenEndpointAuthenticationMethods(DiscoveryMetadata::publicClients)
                .tokenRevocationEndpointAuthenticationMethods(DiscoveryMetadata::publicClients)
                .grantTypes(DiscoveryMetadata::grants);
    }

    static void forPublicClients(OidcProviderConfiguration.Builder configuration) {
        configuration.tokenEndpointAuthenticationMethods(DiscoveryMetadata::publicClients)
                .tokenRevocationEndpointAuthenticationMethods(DiscoveryMetadata::publicClients)
                .grantTypes(DiscoveryMetadata::grants);
    }

    private static void grants(List<String> grants) {
        grants.retainAll(GRANTS);
    }

    private static void publicClients(List<String> methods) {
        methods.clear();
        methods.addAll(METHODS);
    }
}
