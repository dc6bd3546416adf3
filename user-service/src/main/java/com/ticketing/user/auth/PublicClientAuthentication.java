package com.ticketing.user.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

import java.io.Serial;
import java.util.Set;

/**
 * Client authentication by {@code client_id} alone, for public clients, where Spring Authorization Server has none:
 * a refresh ({@code grant_type=refresh_token} at the token endpoint) and a revocation. (The code exchange is
 * covered by its own public-client authentication, which the PKCE {@code code_verifier} backs.) Only a form
 * {@code client_id} of a registered client whose only method is {@code none} is accepted; a request that carries
 * any other client credentials is left to their converters. The authorization server then checks that the refresh
 * token or the token being revoked belongs to that client.
 */
final class PublicClientAuthentication {

    private PublicClientAuthentication() {
    }

    /** A client that named itself with {@code client_id} on a refresh or revocation request; not yet authenticated. */
    static final class ClientIdToken extends OAuth2ClientAuthenticationToken {

        @Serial
        private static final long serialVersionUID = 1L;

        ClientIdToken(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, null);
        }
    }

    /** Reads {@code client_id} from refresh-token and revocation requests that carry no other client credentials. */
    static final class Converter implements AuthenticationConverter {

        private final RequestMatcher tokenEndpoint;
        private final RequestMatcher revocationEndpoint;

        Converter(AuthorizationServerSettings settings) {
            this.tokenEndpoint = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, settings.getTokenEndpoint());
            this.revocationEndpoint = PathPatternRequestMatcher.withDefaults()
                    .matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint());
        }

        @Override
        public Authentication convert(HttpServletRequest request) {
            boolean refresh = tokenEndpoint.matches(request)
                    && AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE));
            if (!refresh && !revocationEndpoint.matches(request)) {
                return null;
            }
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                    || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
                return null;
            }
            String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
            if (clientIds == null) {
                return null;
            }
            if (clientIds.length != 1 || !StringUtils.hasText(clientIds[0])) {
                throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
            }
            return new ClientIdToken(clientIds[0]);
        }
    }

    /** Accepts a {@link ClientIdToken} of a registered public client, refuses every other ({@code invalid_client}). */
    static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            RegisteredClient client = clients.findByClientId((String) authentication.getPrincipal());
            if (client == null || !client.getClientAuthenticationMethods().equals(Set.of(ClientAuthenticationMethod.NONE))) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID, null));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return ClientIdToken.class.isAssignableFrom(authentication);
        }
    }
}
