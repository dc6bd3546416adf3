package com.ticketing.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The access tokens the gateway verified lately, so that a client's next request with the same token costs a lookup
 * instead of an RS256 signature check and a parse (they were most of the gateway's cost of a logged-in request:
 * docs/performance.md). Only a token that passed the whole check ({@code delegate}: signature, issuer, audience,
 * time window, subject) is kept, under its exact text, and for at most {@code ttl} and never past its {@code exp}:
 * <ul>
 *   <li>a refused token is never kept, so every attempt with it is checked again;</li>
 *   <li>an entry is gone when its token expires, whatever is left of {@code ttl};</li>
 *   <li>{@link #forgetAll()} (called when the signing keys change) drops every entry, so a key withdrawn from the
 *       key set stops admitting its tokens as soon as the gateway learns of it.</li>
 * </ul>
 * Bounded by {@code maxTokens} (least valuable entries are evicted first); a miss only costs the full check.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    VerifiedTokens(ReactiveJwtDecoder delegate, int maxTokens, Duration ttl, Clock clock) {
        if (maxTokens <= 0 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the verified-token cache needs a positive size and time to live");
        }
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new UntilExpiry(ttl, clock))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (stillValid(jwt)) {
                verified.put(token, jwt);
            }
        });
    }

    /** Drops every verified token: the next request with each is checked in full again. */
    void forgetAll() {
        verified.invalidateAll();
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private boolean stillValid(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    /** An entry lives {@code ttl}, or until its token's {@code exp} if that comes first. */
    private record UntilExpiry(Duration ttl, Clock clock) implements Expiry<String, Jwt> {

        @Override
        public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
            Instant expiresAt = jwt.getExpiresAt();
            long left = expiresAt == null ? 0 : Duration.between(clock.instant(), expiresAt).toNanos();
            return Math.max(0, Math.min(ttl.toNanos(), left));
        }

        @Override
        public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
