package com.ticketing.common.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Signs and verifies queue tokens (HS256 JWT: {@code sub} = user id, {@code jti} = token id, {@code room} = the
 * waiting room's id, {@code exp}). A token without a valid room is refused.
 * queue-service issues them; the gateway and queue-service verify them locally, with no network call.
 */
public final class QueueTokenCodec {

    private static final String ISSUER = "ticketing-queue";
    /** Tokens longer than this are refused before any parsing work. */
    private static final int MAX_TOKEN_LENGTH = 1024;
    private static final String BEARER = "Bearer ";
    /** The claim naming the waiting room (a positive decimal id, as a JSON number). */
    public static final String ROOM_CLAIM = "room";

    private final SecretKey key;
    private final JwtParser parser;
    private final Clock clock;

    public QueueTokenCodec(String secret) {
        this(secret, Clock.systemUTC());
    }

    public QueueTokenCodec(String secret, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("queue token secret must be at least 32 bytes");
        }
        this.key = Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(key)
                .requireIssuer(ISSUER)
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public String issue(long userId, String tokenId, long roomId, Duration ttl) {
        if (roomId < 1) {
            throw new IllegalArgumentException("room id must be positive");
        }
        Instant now = clock.instant();
        return Jwts.builder()
                .issuer(ISSUER)
                .subject(Long.toString(userId))
                .id(tokenId)
                .claim(ROOM_CLAIM, roomId)
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /**
     * Verifies an {@code Authorization} header value: the raw token or {@code Bearer <token>}.
     *
     * @throws InvalidQueueTokenException when missing, malformed, forged or expired
     */
    public QueueToken verifyHeader(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new InvalidQueueTokenException("queue token is missing");
        }
        String token = authorization.trim();
        if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length()).trim();
        }
        return verify(token);
    }

    public QueueToken verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidQueueTokenException("queue token is malformed");
        }
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException e) {
            throw new InvalidQueueTokenException("queue token has expired");
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidQueueTokenException("queue token is invalid");
        }
        long userId;
        try {
            userId = Long.parseLong(claims.getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidQueueTokenException("queue token is invalid");
        }
        String tokenId = claims.getId();
        long roomId = claims.get(ROOM_CLAIM) instanceof Number n && !(n instanceof Double || n instanceof Float)
                ? n.longValue() : 0;
        if (userId <= 0 || roomId <= 0 || tokenId == null || tokenId.isBlank() || claims.getExpiration() == null) {
            throw new InvalidQueueTokenException("queue token is invalid");
        }
        return new QueueToken(userId, tokenId, roomId, claims.getExpiration().toInstant());
    }
}
