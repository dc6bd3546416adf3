package com.ticketing.user.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.ticketing.user.PlainHttpLogin;
import com.ticketing.user.PlainHttpLogin.Pkce;
import com.ticketing.user.PlainHttpLogin.Tokens;
import com.ticketing.user.UserServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authorization-code flow with PKCE over real HTTP, as scripts run it ({@link PlainHttpLogin}), and what the
 * tokens it produces are worth: their claims and signature, refresh with rotation, revocation, logout.
 */
class AuthorizationCodeFlowTest extends UserServiceIntegrationTest {

    private static final String PASSWORD = "flow-test-password";

    @Autowired
    AuthProperties auth;

    @Autowired
    OAuth2AuthorizationService authorizations;

    @Autowired
    RegisteredClientRepository clients;

    @Autowired
    ExpiredAuthorizations expired;

    @Test
    void shouldIssueAnAccessTokenWhoseClaimsAndKeyIdMatchTheContractAndWhoseSignatureVerifiesAgainstTheJwks() throws Exception {
        String username = uniqueName();
        long userId = signUp(username, PASSWORD);

        Tokens tokens = browser().logIn(username, PASSWORD);

        Jwt access = jwksDecoder().decode(tokens.accessToken());
        JWKSet published = JWKSet.parse(send(request("/oauth2/jwks").GET()).body());
        assertThat(access.getHeaders()).containsEntry("alg", "RS256");
        assertThat(published.getKeyByKeyId((String) access.getHeaders().get("kid"))).as("kid names a published key").isNotNull();
        assertThat(access.getIssuer().toString()).isEqualTo(auth.issuer());
        assertThat(access.getSubject()).isEqualTo(Long.toString(userId));
        assertThat(access.getAudience()).containsExactly("ticketing-api");
        assertThat(Duration.between(access.getIssuedAt(), access.getExpiresAt())).isEqualTo(Duration.ofMinutes(10))
                .isLessThanOrEqualTo(AuthProperties.MAX_ACCESS_TOKEN_TTL);
        assertThat(access.getNotBefore()).isEqualTo(access.getIssuedAt());
        assertThat(access.getId()).isNotBlank();
        assertThat(access.getClaimAsStringList("roles")).containsExactly("USER");
        assertThat(access.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(access.getClaimAsString("client_id")).isEqualTo(PlainHttpLogin.CLIENT_ID);
        assertThat(tokens.response().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.response().path("expires_in").asLong()).isBetween(590L, 600L);

        Jwt id = jwksDecoder().decode(tokens.idToken());
        assertThat(id.getSubject()).isEqualTo(Long.toString(userId));
        assertThat(id.getClaimAsString("preferred_username")).isEqualTo(username);
        assertThat(id.getAudience()).containsExactly(PlainHttpLogin.CLIENT_ID);

        String forged = tokens.accessToken().substring(0, tokens.accessToken().length() - 4) + "AAAA";
        assertThatThrownBy(() -> jwksDecoder().decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void shouldStoreTheAuthorizationInTheDatabaseUnderTheUserId() {
        String username = uniqueName();
        long userId = signUp(username, PASSWORD);

        browser().logIn(username, PASSWORD);

        assertThat(authorizations).isInstanceOf(JdbcOAuth2AuthorizationService.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM oauth2_authorization WHERE principal_name = ? "
                + "AND registered_client_id = ? AND refresh_token_value IS NOT NULL", Long.class,
                Long.toString(userId), PlainHttpLogin.CLIENT_ID)).isEqualTo(1);
    }

    @Test
    void shouldPutTheAdminRoleInTheAdminsAccessToken() {
        Tokens tokens = browser().logIn(ADMIN, ADMIN_PASSWORD);

        Jwt access = jwksDecoder().decode(tokens.accessToken());
        assertThat(access.getClaimAsStringList("roles")).containsExactly("USER", "ADMIN");
        Long adminId = jdbc.queryForObject("SELECT user_id FROM accounts WHERE username = ?", Long.class, ADMIN);
        assertThat(access.getSubject()).isEqualTo(Long.toString(adminId));
    }

    @Test
    void shouldAnswerUserInfoWithTheUsernameForTheAccessToken() {
        String username = uniqueName();
        long userId = signUp(username, PASSWORD);
        Tokens tokens = browser().logIn(username, PASSWORD);

        HttpResponse<String> info = send(request("/userinfo").header("Authorization", "Bearer " + tokens.accessToken()).GET());

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode claims = JSON.readTree(info.body());
        assertThat(claims.path("sub").asString()).isEqualTo(Long.toString(userId));
        assertThat(claims.path("preferred_username").asString()).isEqualTo(username);
    }

    @Test
    void shouldRotateTheRefreshTokenOnEveryRefreshAndRefuseTheOldOne() {
        String username = uniqueName();
        long userId = signUp(username, PASSWORD);
        PlainHttpLogin browser = browser();
        Tokens first = browser.logIn(username, PASSWORD);
        Timestamp loginEnds = refreshTokenExpiry(userId);

        Tokens second = Tokens.of(browser.refresh(first.refreshToken(), PlainHttpLogin.CLIENT_ID));
        HttpResponse<String> oldAgain = browser.refresh(first.refreshToken(), PlainHttpLogin.CLIENT_ID);
        Tokens third = Tokens.of(browser.refresh(second.refreshToken(), PlainHttpLogin.CLIENT_ID));

        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken());
        assertThat(jwksDecoder().decode(second.accessToken()).getSubject()).isEqualTo(Long.toString(userId));
        assertThat(jwksDecoder().decode(third.accessToken()).getClaimAsStringList("roles")).containsExactly("USER");
        assertInvalidGrant(oldAgain);
        assertThat(refreshTokenExpiry(userId)).as("a rotated token keeps the login's expiry").isEqualTo(loginEnds);
        assertThat(Duration.between(Instant.now(), loginEnds.toInstant())).isBetween(Duration.ofHours(7), Duration.ofHours(8));
    }

    @Test
    void shouldRefuseARefreshAfterTheRefreshTokenWasRevoked() {
        PlainHttpLogin browser = browser();
        Tokens tokens = browser.logIn("user" + demoUser(), DEMO_PASSWORD);

        HttpResponse<String> revoked = browser.revoke(tokens.refreshToken(), PlainHttpLogin.CLIENT_ID);
        HttpResponse<String> refreshed = browser.refresh(tokens.refreshToken(), PlainHttpLogin.CLIENT_ID);

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertInvalidGrant(refreshed);
    }

    @Test
    void shouldLetOnlyTheClientThatGotARefreshTokenUseOrRevokeIt() {
        PlainHttpLogin browser = browser();
        Tokens tokens = browser.logIn("user" + demoUser(), DEMO_PASSWORD);

        HttpResponse<String> otherClient = browser.refresh(tokens.refreshToken(), "ticketing-web");
        HttpResponse<String> unknownClient = browser.refresh(tokens.refreshToken(), "no-such-client");
        HttpResponse<String> noClient = browser.postForm("/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", tokens.refreshToken()));
        HttpResponse<String> revokedByOther = browser.revoke(tokens.refreshToken(), "ticketing-mobile");
        HttpResponse<String> stillGood = browser.refresh(tokens.refreshToken(), PlainHttpLogin.CLIENT_ID);

        assertInvalidGrant(otherClient);
        assertThat(unknownClient.statusCode()).isEqualTo(401);
        assertThat(unknownClient.body()).contains("invalid_client");
        assertThat(noClient.statusCode()).isEqualTo(400);
        assertThat(noClient.body()).contains("invalid_client");
        assertThat(revokedByOther.statusCode()).as("the revocation endpoint answers every error with 400").isEqualTo(400);
        assertThat(revokedByOther.body()).contains("invalid_client");
        assertThat(stillGood.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerTokensThatWereNeverIssuedAsClientErrorsWhateverTheirCharacters() {
        PlainHttpLogin browser = browser();

        for (String token : new String[]{"never-issued", "üñí©ødé-tøken", "x".repeat(5_000)}) {
            assertInvalidGrant(browser.refresh(token, PlainHttpLogin.CLIENT_ID));
            assertInvalidGrant(browser.exchangeResponse(token, Pkce.create().verifier()));
            assertThat(browser.revoke(token, PlainHttpLogin.CLIENT_ID).statusCode()).as("RFC 7009: unknown token").isEqualTo(200);
        }
    }

    @Test
    void shouldRefuseTheCodeWithAWrongVerifierAndASecondTime() {
        PlainHttpLogin browser = browser();
        Pkce pkce = Pkce.create();
        browser.startAuthorization(pkce);
        String next = PlainHttpLogin.location(browser.submitLogin("user" + demoUser(), DEMO_PASSWORD, browser.loginFormCsrfToken()));
        String code = browser.authorizationCode(next);

        HttpResponse<String> wrongVerifier = browser.exchangeResponse(code, Pkce.create().verifier());
        HttpResponse<String> rightVerifier = browser.exchangeResponse(code, pkce.verifier());
        HttpResponse<String> secondTime = browser.exchangeResponse(code, pkce.verifier());

        assertInvalidGrant(wrongVerifier);
        assertThat(rightVerifier.statusCode()).as("a wrong verifier does not burn the code").isEqualTo(200);
        assertInvalidGrant(secondTime);
    }

    @Test
    void shouldRefuseAnAuthorizationRequestWithoutPkce() {
        PlainHttpLogin browser = browser();
        browser.logIn("user" + demoUser(), DEMO_PASSWORD);
        String withoutPkce = browser.authorizeUri(Pkce.create()).replaceAll("&code_challenge(_method)?=[^&]*", "");

        HttpResponse<String> refused = browser.send(browser.html(withoutPkce).GET());

        assertThat(refused.statusCode()).isEqualTo(302);
        Map<String, String> answer = PlainHttpLogin.query(PlainHttpLogin.location(refused));
        assertThat(answer).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void shouldAnswerAnAuthorizationRequestThatIsNotFromABrowserWith401InsteadOfTheLoginPage() {
        PlainHttpLogin browser = browser();

        HttpResponse<String> api = browser.send(browser.request(browser.authorizeUri(Pkce.create()))
                .header("Accept", "application/json").GET());

        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldEndTheBrowsersLoginSessionOnRpInitiatedLogout() {
        PlainHttpLogin browser = browser();
        Tokens tokens = browser.logIn("user" + demoUser(), DEMO_PASSWORD);
        HttpResponse<String> stillLoggedIn = browser.send(browser.html(browser.authorizeUri(Pkce.create())).GET());
        assertThat(PlainHttpLogin.location(stillLoggedIn)).as("logged in: straight back with a code")
                .startsWith(PlainHttpLogin.REDIRECT_URI);

        HttpResponse<String> loggedOut = browser.send(browser.html("/connect/logout?id_token_hint=" + tokens.idToken()
                + "&client_id=" + PlainHttpLogin.CLIENT_ID).GET());
        HttpResponse<String> again = browser.send(browser.html(browser.authorizeUri(Pkce.create())).GET());

        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(PlainHttpLogin.location(again)).as("the session is gone: back to the login form").endsWith("/login");
    }

    @Test
    void shouldPublishDiscoveryForThePublicClients() {
        JsonNode oidc = JSON.readTree(send(request("/.well-known/openid-configuration").GET()).body());
        JsonNode oauth = JSON.readTree(send(request("/.well-known/oauth-authorization-server").GET()).body());

        for (JsonNode metadata : new JsonNode[]{oidc, oauth}) {
            assertThat(metadata.path("issuer").asString()).isEqualTo(auth.issuer());
            assertThat(metadata.path("token_endpoint").asString()).isEqualTo(auth.issuer() + "/oauth2/token");
            assertThat(metadata.path("jwks_uri").asString()).isEqualTo(auth.issuer() + "/oauth2/jwks");
            assertThat(metadata.path("revocation_endpoint").asString()).isEqualTo(auth.issuer() + "/oauth2/revoke");
            assertThat(metadata.path("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"none\"]");
            assertThat(metadata.path("grant_types_supported").toString()).isEqualTo("[\"authorization_code\",\"refresh_token\"]");
            assertThat(metadata.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        }
        assertThat(oidc.path("end_session_endpoint").asString()).isEqualTo(auth.issuer() + "/connect/logout");
        assertThat(oidc.path("userinfo_endpoint").asString()).isEqualTo(auth.issuer() + "/userinfo");
    }

    @Test
    void shouldRemoveAnAuthorizationOnlyOnceEveryTokenOfItExpired() {
        Instant longAgo = Instant.parse("1990-01-01T00:00:00Z");
        OAuth2Authorization gone = authorization(longAgo);
        OAuth2Authorization live = authorization(Instant.now());
        authorizations.save(gone);
        authorizations.save(live);

        expired.removeBatch();

        assertThat(authorizations.findById(gone.getId())).isNull();
        assertThat(authorizations.findById(live.getId())).isNotNull();
        authorizations.remove(live);
    }

    private OAuth2Authorization authorization(Instant issuedAt) {
        return OAuth2Authorization.withRegisteredClient(clients.findByClientId(PlainHttpLogin.CLIENT_ID))
                .id(UUID.randomUUID().toString())
                .principalName("cleanup-test")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(new OAuth2AuthorizationCode("code-" + UUID.randomUUID(), issuedAt, issuedAt.plus(Duration.ofMinutes(5))))
                .build();
    }

    private Timestamp refreshTokenExpiry(long userId) {
        return jdbc.queryForObject("SELECT refresh_token_expires_at FROM oauth2_authorization WHERE principal_name = ?",
                Timestamp.class, Long.toString(userId));
    }

    private JwtDecoder jwksDecoder() {
        return NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build();
    }

    /** A demo user for tests that only log in successfully (80,001 .. 89,999; the limit tests use 90,000 and up). */
    private static long demoUser() {
        return 80_001 + (long) (Math.random() * 9_999);
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("invalid_grant");
    }
}
