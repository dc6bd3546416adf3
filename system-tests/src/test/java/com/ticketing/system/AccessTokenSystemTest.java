package com.ticketing.system;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static com.ticketing.system.Gateway.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the access token, through the gateway of the running stack. The tokens are minted with the native
 * stack's own signing key (.run/secrets, the key user-service signs with), so each differs from a valid token in
 * exactly the one thing under attack; the unaltered control token passes.
 */
class AccessTokenSystemTest {

    private static final Path KEY = Path.of(System.getProperty("project.root", "..")).resolve(".run/secrets/auth-signing-key.pem");

    private static RSAKey key;
    private static String issuer;
    private static long userId;

    @BeforeAll
    static void stackKey() throws Exception {
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(Files.readString(KEY).replaceAll("-----[A-Z ]+-----", ""))));
        RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
        JWKSet published = JWKSet.parse(get("/oauth2/jwks").raw());
        String kid = published.getKeys().stream()
                .filter(k -> k.toRSAKey().getModulus().decodeToBigInteger().equals(pub.getModulus()))
                .map(JWK::getKeyID).findFirst()
                .orElseThrow(() -> new AssertionError("the stack's key is not in the published JWK set"));
        key = new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
        issuer = get("/.well-known/openid-configuration").body().path("issuer").asText();
        userId = Gateway.randomUser();
    }

    private static JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(Long.toString(userId)).audience("ticketing-api")
                .issueTime(Date.from(now.minusSeconds(5))).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of("USER")).claim("scope", "openid");
    }

    private static String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(change.apply(valid()).build());
    }

    @Test
    void shouldLetTheUnalteredControlTokenThrough() throws Exception {
        Gateway.Response r = get("/v1/api/user/amount", Map.of("Authorization", "Bearer " + sign(valid().build())));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.data().path("userId").asLong()).isEqualTo(userId);
    }

    @Test
    void shouldAnswerEveryTokenAttackWith401AndAChallenge() throws Exception {
        Instant now = Instant.now();
        String good = sign(valid().build());
        String[] parts = good.split("\\.");
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), valid().build());
        hs.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("expired", signed(c -> c.issueTime(Date.from(now.minusSeconds(1200)))
                .notBeforeTime(Date.from(now.minusSeconds(1200))).expirationTime(Date.from(now.minusSeconds(600)))));
        attacks.put("not yet valid", signed(c -> c.notBeforeTime(Date.from(now.plusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(1200)))));
        attacks.put("wrong issuer", signed(c -> c.issuer("https://evil.example")));
        attacks.put("wrong audience", signed(c -> c.audience("another-api")));
        attacks.put("bad signature", parts[0] + "." + parts[1] + "." + sign(valid().subject("1").build()).split("\\.")[2]);
        attacks.put("alg none", new PlainJWT(valid().build()).serialize());
        attacks.put("HS256 signed with the public key", hs.serialize());
        attacks.put("a waiting-room token as access token", Gateway.admitted(userId).queueToken());

        Map<String, String> answers = new LinkedHashMap<>();
        attacks.forEach((what, token) -> {
            Gateway.Response r = get("/v1/api/user/amount", Map.of("Authorization", "Bearer " + token));
            answers.put(what, r.status() + " " + r.errorCode() + " " + r.http().headers().firstValue("WWW-Authenticate").orElse("-"));
            assertThat(r.status()).as(what + ": " + r.raw()).isEqualTo(401);
            assertThat(r.errorCode()).as(what).isEqualTo("INVALID_TOKEN");
            assertThat(r.http().headers().firstValue("WWW-Authenticate")).as(what).hasValue("Bearer error=\"invalid_token\"");
        });
        Gateway.Response missing = get("/v1/api/user/amount");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(missing.http().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        answers.put("missing", missing.status() + " " + missing.errorCode());
        answers.forEach((what, answer) -> System.out.printf("token attack %-40s -> %s%n", what, answer));
    }

    @Test
    void shouldRefuseAnAccessTokenAsWaitingRoomTokenAndAnotherUsersWaitingRoomToken() throws Exception {
        Gateway.Session mine = Gateway.admitted(userId);
        long other = userId == 100_000 ? 99_999 : userId + 1;
        Gateway.Session theirs = Gateway.admitted(other);

        Gateway.Response accessAsQueue = get("/v1/api/concerts/schedule",
                Map.of("Authorization", "Bearer " + mine.accessToken(), "X-Queue-Token", mine.accessToken()));
        Gateway.Response othersQueue = get("/v1/api/concerts/schedule",
                Map.of("Authorization", "Bearer " + mine.accessToken(), "X-Queue-Token", theirs.queueToken()));

        assertThat(accessAsQueue.status()).as(accessAsQueue.raw()).isEqualTo(401);
        assertThat(othersQueue.status()).as(othersQueue.raw()).isEqualTo(401);
        assertThat(get("/v1/api/concerts/schedule", Gateway.auth(mine)).status()).isEqualTo(200);
    }
}
