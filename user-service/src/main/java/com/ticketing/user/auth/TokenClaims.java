package com.ticketing.user.auth;

import com.ticketing.user.account.Account;
import com.ticketing.user.account.AccountRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The claims the suite adds to Spring Authorization Server's JWTs (which already carry {@code iss}, {@code sub} =
 * the principal name = the user id, {@code iat}, {@code exp}, {@code nbf}, {@code jti}, {@code scope}):
 * <ul>
 *   <li>access token: {@code aud = ["ticketing-api"]} (the gateway checks it), {@code roles} (e.g.
 *       {@code ["USER","ADMIN"]}, without the ROLE_ prefix) and {@code client_id};</li>
 *   <li>ID token: {@code preferred_username}.</li>
 * </ul>
 * Roles and username are read from the account at every issue, so a role change reaches the next refresh; a
 * refresh for an account that no longer exists is refused ({@code invalid_grant}).
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";
    static final String CLIENT_ID = "client_id";

    private final AccountRegistry accounts;
    private final String audience;

    TokenClaims(AccountRegistry accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            Account account = accountOf(context.getPrincipal());
            // ArrayList, not List.of: the claims are stored with the authorization as JSON with type information,
            // and Spring Security's type allow-list does not know the JDK's immutable list classes
            context.getClaims()
                    .audience(new ArrayList<>(List.of(audience)))
                    .claim(ROLES, new ArrayList<>(account.roleClaims()))
                    .claim(CLIENT_ID, context.getRegisteredClient().getClientId());
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            Account account = accountOf(context.getPrincipal());
            context.getClaims().claim(StandardClaimNames.PREFERRED_USERNAME, account.username());
        }
    }

    private Account accountOf(Authentication principal) {
        long userId;
        try {
            userId = Long.parseLong(principal.getName());
        } catch (NumberFormatException e) {
            throw refused();
        }
        return accounts.byId(userId).orElseThrow(TokenClaims::refused);
    }

    private static OAuth2AuthenticationException refused() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the account no longer exists", null));
    }
}
