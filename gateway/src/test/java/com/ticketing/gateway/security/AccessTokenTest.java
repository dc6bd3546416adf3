package com.ticketing.gateway.security;

import com.ticketing.gateway.GatewayTest;
import com.ticketing.gateway.admission.TestRoutes;
import com.ticketing.gateway.admission.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as an OAuth2 resource server, against a real JWK-set server and a real upstream: every attack on the
 * access token gets 401 JSON with {@code WWW-Authenticate} and never reaches a service; a valid token passes with
 * the verified user as the only identity; keys already known keep working while the key server is down.
 */
class AccessTokenTest extends GatewayTest {

    private static final String ROUTE = "/v1/api/user/amount";

    @AfterEach
    void keyServerUp() {
        TestTokens.jwkSetDown(false);
    }

    @Test
    void shouldPassAValidTokenWithItsUserAndRolesAsTheOnlyIdentity() {
        client.get().uri(ROUTE)
                .header("Authorization", "Bearer " + TestTokens.admin(4242))
                .header("X-User-Id", "1")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.userIds.length()").isEqualTo(1)
                .jsonPath("$.userIds[0]").isEqualTo("4242")
                .jsonPath("$.roles[0]").isEqualTo("USER,ADMIN");
    }

    @Test
    void shouldRefuseEveryForgedOrWrongTokenWith401AndNoUpstreamCall() {
        Instant now = Instant.now();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("expired", TestTokens.claims(5).notBefore(now.minusSeconds(1200)).expiresAt(now.minusSeconds(600)).sign());
        attacks.put("not yet valid", TestTokens.claims(5).notBefore(now.plusSeconds(600)).expiresAt(now.plusSeconds(1200)).sign());
        attacks.put("wrong issuer", TestTokens.claims(5).issuer("https://evil.example").sign());
        attacks.put("wrong audience", TestTokens.claims(5).audience("another-api").sign());
        attacks.put("bad signature", TestTokens.badSignature(5));
        attacks.put("alg none", TestTokens.unsigned(5));
        attacks.put("HS256 signed with the public key", TestTokens.hs256WithPublicKey(5));
        attacks.put("unknown key", TestTokens.unknownKey(5, "attacker-key"));
        attacks.put("non-numeric subject", TestTokens.claims(5).subject("admin").sign());
        attacks.put("zero subject", TestTokens.claims(5).subject("0").sign());
        attacks.put("garbage", "not-a-jwt");
        int before = UPSTREAM.calls();

        attacks.forEach((what, token) -> client.get().uri(ROUTE)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().value(status -> assertThat(status).as(what).isEqualTo(401))
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectHeader().contentType("application/json")
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_TOKEN"));
        assertThat(UPSTREAM.calls()).isEqualTo(before);
    }

    @Test
    void shouldAnswerAMissingTokenWith401AndAChallenge() {
        for (String header : new String[]{null, "Basic dXNlcjpwYXNz", TestTokens.user(5)}) {
            WebTestClient.RequestHeadersSpec<?> request = client.get().uri(ROUTE);
            if (header != null) {
                request = request.header("Authorization", header);
            }
            request.exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                    .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void shouldNotAcceptTheTokenFromTheQueryString() {
        client.get().uri(ROUTE + "?access_token=" + TestTokens.user(5))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldLetOnlyAdminsUseTheAdminRouteAnonymous401User403() {
        int before = UPSTREAM.calls();
        for (HttpMethod method : new HttpMethod[]{HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT}) {
            for (String path : new String[]{"/v1/api/admin/rooms", "/v1/api/admin/rooms/7/limits"}) {
                client.method(method).uri(path)
                        .exchange()
                        .expectStatus().isUnauthorized()
                        .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                        .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHENTICATED");
                client.method(method).uri(path)
                        .header("Authorization", TestRoutes.bearer(6))
                        .header("X-User-Roles", "USER,ADMIN")
                        .exchange()
                        .expectStatus().isForbidden()
                        .expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN");
            }
        }
        assertThat(UPSTREAM.calls()).isEqualTo(before);

        client.put().uri("/v1/api/admin/rooms/7/limits")
                .header("Authorization", "Bearer " + TestTokens.admin(4))
                .header("X-User-Id", "1")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.path").isEqualTo("/v1/api/admin/rooms/7/limits")
                .jsonPath("$.userIds[0]").isEqualTo("4")
                .jsonPath("$.roles[0]").isEqualTo("USER,ADMIN");
        assertThat(UPSTREAM.calls()).isEqualTo(before + 1);
    }

    @Test
    void shouldAllowPutInCorsPreflightsForTheAdminApi() {
        client.options().uri("/v1/api/admin/rooms/7/limits")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("Access-Control-Allow-Methods", methods -> assertThat(methods).contains("PUT"));
    }

    @Test
    void shouldKeepValidatingKnownKeysWhileTheKeyServerIsDown() {
        client.get().uri(ROUTE).header("Authorization", TestRoutes.bearer(7)).exchange().expectStatus().isOk();
        TestTokens.jwkSetDown(true);

        for (int i = 0; i < 3; i++) {
            client.get().uri(ROUTE).header("Authorization", TestRoutes.bearer(7)).exchange().expectStatus().isOk();
        }
    }

    @Test
    void shouldNotFetchTheKeysForEveryTokenWithAnUnknownKeyId() {
        client.get().uri(ROUTE).header("Authorization", TestRoutes.bearer(8)).exchange().expectStatus().isOk();
        int before = TestTokens.jwkSetFetches();

        for (int i = 0; i < 20; i++) {
            client.get().uri(ROUTE)
                    .header("Authorization", "Bearer " + TestTokens.unknownKey(8, "forged-" + i))
                    .exchange()
                    .expectStatus().isUnauthorized();
        }
        assertThat(TestTokens.jwkSetFetches() - before).as("key fetches for 20 unknown key ids").isLessThanOrEqualTo(1);
    }
}
