package com.ticketing.user.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The authorization server's settings ({@code ticketing.auth.*}). Checked when bound: the service does not start
 * with an issuer that is not a URL or an access-token lifetime over 15 minutes.
 *
 * @param issuer          {@code AUTH_ISSUER}: the gateway's public address (the tokens' {@code iss}); required,
 *                        the local profile has {@code http://localhost:8080}
 * @param audience        the access tokens' {@code aud} ({@code AUTH_AUDIENCE}, {@code ticketing-api})
 * @param accessTokenTtl  access-token lifetime ({@code AUTH_ACCESS_TOKEN_TTL}, 10m; at most 15m)
 * @param refreshTokenTtl lifetime of a login's refresh tokens ({@code AUTH_REFRESH_TOKEN_TTL}, 8h)
 * @param signingKey      the key that signs tokens, see {@link SigningKey}
 * @param clients         the registered public clients by client id
 * @param cleanup         removal of expired authorizations
 */
@ConfigurationProperties(prefix = "ticketing.auth")
public record AuthProperties(String issuer,
                             @DefaultValue("ticketing-api") String audience,
                             @DefaultValue("10m") Duration accessTokenTtl,
                             @DefaultValue("8h") Duration refreshTokenTtl,
                             @DefaultValue SigningKey signingKey,
                             Map<String, Client> clients,
                             @DefaultValue Cleanup cleanup) {

    /** Access tokens are short-lived by contract: the gateway checks them without asking anyone. */
    public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);

    public AuthProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("ticketing.auth.issuer (AUTH_ISSUER) must be set to the gateway's public address");
        }
        try {
            URI uri = URI.create(issuer);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("not an absolute URL without query or fragment");
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ticketing.auth.issuer (AUTH_ISSUER) '" + issuer + "' is not a valid issuer URL: " + e.getMessage());
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("ticketing.auth.audience must not be blank");
        }
        if (!isPositive(accessTokenTtl) || accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw new IllegalArgumentException("ticketing.auth.access-token-ttl (AUTH_ACCESS_TOKEN_TTL) must be more than 0 "
                    + "and at most " + MAX_ACCESS_TOKEN_TTL.toMinutes() + " minutes, not " + accessTokenTtl);
        }
        if (!isPositive(refreshTokenTtl)) {
            throw new IllegalArgumentException("ticketing.auth.refresh-token-ttl (AUTH_REFRESH_TOKEN_TTL) must be more than 0");
        }
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    private static boolean isPositive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }

    /**
     * @param privateKey        {@code AUTH_SIGNING_KEY}: PEM, PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), RSA of at
     *                          least 2048 bits
     * @param id                {@code AUTH_SIGNING_KEY_ID}: the {@code kid}; blank = the key's RFC 7638 thumbprint
     * @param retiredPublicKeys {@code AUTH_RETIRED_PUBLIC_KEYS}: PEM public keys of earlier signing keys, still
     *                          published in the JWKS (under their thumbprints) so their tokens keep validating
     * @param generateIfMissing only the local profile sets it: without a key, generate one at start
     */
    public record SigningKey(String privateKey, String id, List<String> retiredPublicKeys,
                             @DefaultValue("false") boolean generateIfMissing) {

        public SigningKey {
            retiredPublicKeys = retiredPublicKeys == null ? List.of()
                    : retiredPublicKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        }
    }

    /**
     * A public client (no secret; PKCE required).
     *
     * @param redirectUris           where codes may be sent (exact match; any port for loopback IPs)
     * @param postLogoutRedirectUris where {@code /connect/logout} may send the browser back to
     */
    public record Client(List<String> redirectUris, List<String> postLogoutRedirectUris) {

        public Client {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }
    }

    /**
     * @param interval  between runs ({@code AUTH_CLEANUP_INTERVAL}, 5m)
     * @param batchSize at most this many expired authorizations deleted per run ({@code AUTH_CLEANUP_BATCH_SIZE}, 1000)
     */
    public record Cleanup(@DefaultValue("5m") Duration interval, @DefaultValue("1000") int batchSize) {
    }
}
