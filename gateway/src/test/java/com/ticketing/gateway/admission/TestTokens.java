package com.ticketing.gateway.admission;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import com.ticketing.common.auth.QueueTokenCodec;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Access tokens for the gateway's tests, as user-service issues them (RS256, {@code kid}, issuer, audience, numeric
 * {@code sub}, {@code roles}), signed with a key published by a small real JWK-set server. The server counts its
 * fetches and can be switched off to play user-service being down.
 */
public final class TestTokens {

    public static final String ISSUER = "https://login.ticketing.test";
    public static final String AUDIENCE = "ticketing-api";

    private static final RSAKey KEY = generate("test-key-1");
    private static final RSAKey ATTACKER = generate("attacker");
    private static final HttpServer JWKS = serve();
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final AtomicBoolean DOWN = new AtomicBoolean();

    /** A waiting-room token for {@code userId} in {@code roomId} signed with another secret: what a forger sends. */
    public static String forgedQueueToken(long userId, String tokenId, long roomId) {
        return new QueueTokenCodec("an-attackers-secret-of-at-least-32-bytes!!")
                .issue(userId, tokenId, roomId, Duration.ofMinutes(10));
    }

    /**
     * A waiting-room token for {@code userId} in {@code roomId}, signed with the real {@code secret}, that expired 50
     * minutes ago.
     */
    public static String expiredQueueToken(String secret, long userId, String tokenId, long roomId) {
        return new QueueTokenCodec(secret, Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue(userId, tokenId, roomId, Duration.ofMinutes(10));
    }

    private TestTokens() {
    }

    /** Points the gateway at this class's JWK set and issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("ticketing.auth.issuer", () -> ISSUER);
        registry.add("ticketing.auth.audience", () -> AUDIENCE);
        registry.add("ticketing.auth.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("ticketing.auth.jwk-set-load-balanced", () -> "false");
    }

    public static String jwkSetUri() {
        return "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/oauth2/jwks";
    }

    public static int jwkSetFetches() {
        return FETCHES.get();
    }

    /** While down, the JWK-set server answers 503. */
    public static void jwkSetDown(boolean down) {
        DOWN.set(down);
    }

    /** A valid access token of {@code userId} with the role USER. */
    public static String user(long userId) {
        return claims(userId).sign();
    }

    public static String admin(long userId) {
        return claims(userId).roles("USER", "ADMIN").sign();
    }

    public static Claims claims(long userId) {
        return new Claims(Long.toString(userId));
    }

    /** The same claims without a signature ({@code alg: none}). */
    public static String unsigned(long userId) {
        return new PlainJWT(claims(userId).build()).serialize();
    }

    /** HS256 with the public key's bytes as the secret: the algorithm-confusion attack. */
    public static String hs256WithPublicKey(long userId) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
                    claims(userId).build());
            jwt.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token with its signature replaced by another token's. */
    public static String badSignature(long userId) {
        String[] good = user(userId).split("\\.");
        String[] other = user(userId + 1).split("\\.");
        return good[0] + "." + good[1] + "." + other[2];
    }

    /** A token signed by a key nobody published, naming the key id {@code keyId}. */
    public static String unknownKey(long userId, String keyId) {
        return claims(userId).signWith(new RSAKey.Builder(ATTACKER).keyID(keyId).build());
    }

    /** Mutable claims of one token. */
    public static final class Claims {
        private String subject;
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private List<String> roles = List.of("USER");
        private Instant notBefore = Instant.now().minusSeconds(5);
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(10));

        private Claims(String subject) {
            this.subject = subject;
        }

        public Claims subject(String s) {
            subject = s;
            return this;
        }

        public Claims issuer(String s) {
            issuer = s;
            return this;
        }

        public Claims audience(String... a) {
            audience = List.of(a);
            return this;
        }

        public Claims roles(String... r) {
            roles = List.of(r);
            return this;
        }

        public Claims notBefore(Instant t) {
            notBefore = t;
            return this;
        }

        public Claims expiresAt(Instant t) {
            expiresAt = t;
            return this;
        }

        JWTClaimsSet build() {
            return new JWTClaimsSet.Builder()
                    .issuer(issuer).subject(subject).audience(audience)
                    .issueTime(Date.from(notBefore)).notBeforeTime(Date.from(notBefore))
                    .expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString())
                    .claim("roles", roles).claim("scope", "openid")
                    .build();
        }

        public String sign() {
            return signWith(KEY);
        }

        String signWith(RSAKey key) {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT).build(), build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                FETCHES.incrementAndGet();
                byte[] body = DOWN.get() ? "{}".getBytes(StandardCharsets.UTF_8)
                        : new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(DOWN.get() ? 503 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
