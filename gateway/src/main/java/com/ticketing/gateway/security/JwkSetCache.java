package com.ticketing.gateway.security;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The signing keys the gateway trusts, for {@code NimbusReactiveJwtDecoder.withJwkSource}: user-service's JWK set,
 * held in memory and fetched again
 * <ul>
 *   <li>in the background every {@code refreshInterval} (a rotated key is known before the first token signed
 *       with it arrives);</li>
 *   <li>when a token names a key id that is not known, at most once per {@code minRefreshGap} (one fetch shared by
 *       every request waiting for it), so forged key ids cost no call to user-service.</li>
 * </ul>
 * A failed fetch keeps the keys already known: while user-service is down, tokens signed with a known key keep
 * validating. When no key has ever been fetched and the fetch fails, the error propagates and the request is
 * answered 503 (the gateway cannot tell), never let through.
 */
final class JwkSetCache implements Function<SignedJWT, Flux<JWK>>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

    private final WebClient client;
    private final String uri;
    private final Duration timeout;
    private final long minRefreshGapNanos;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>();
    private final AtomicReference<Mono<JWKSet>> inFlight = new AtomicReference<>();
    private final AtomicLong lastFetchStart = new AtomicLong();
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();
    private volatile Disposable background;

    JwkSetCache(WebClient client, String uri, Duration timeout, Duration minRefreshGap) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
        this.minRefreshGapNanos = minRefreshGap.toNanos();
        this.lastFetchStart.set(System.nanoTime() - minRefreshGapNanos);
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWSHeader header = jwt.getHeader();
        JWKSet known = keys.get();
        if (known != null) {
            List<JWK> matches = select(known, header);
            if (!matches.isEmpty()) {
                return Flux.fromIterable(matches);
            }
            if (System.nanoTime() - lastFetchStart.get() < minRefreshGapNanos) {
                return Flux.empty();
            }
            return refresh().onErrorResume(e -> Mono.just(known))
                    .flatMapMany(set -> Flux.fromIterable(select(set, header)));
        }
        if (System.nanoTime() - lastFetchStart.get() < minRefreshGapNanos && inFlight.get() == null) {
            return Flux.error(new IllegalStateException("no access-token signing key could be fetched yet"));
        }
        return refresh().flatMapMany(set -> Flux.fromIterable(select(set, header)));
    }

    /** Fetches the keys now and then every {@code interval} in the background, keeping the last good set. */
    void startRefreshing(Duration interval) {
        background = Flux.interval(Duration.ZERO, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> Mono.empty()), 1)
                .subscribe();
    }

    @Override
    public void destroy() {
        Disposable running = background;
        if (running != null) {
            running.dispose();
        }
    }

    /** Fetches the key set (one fetch at a time, shared by every caller); keeps the last good set on failure. */
    Mono<JWKSet> refresh() {
        Mono<JWKSet> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<JWKSet> fetch = Mono.defer(() -> {
                    lastFetchStart.set(System.nanoTime());
                    return client.get().uri(uri).retrieve().bodyToMono(String.class).timeout(timeout);
                })
                .map(JwkSetCache::parse)
                .doOnNext(set -> {
                    JWKSet previous = keys.getAndSet(set);
                    if (previous == null || !previous.toPublicJWKSet().equals(set.toPublicJWKSet())) {
                        log.info("Access-token signing keys loaded from {}: {}", uri,
                                set.getKeys().stream().map(JWK::getKeyID).toList());
                        onChange.forEach(Runnable::run);
                    }
                })
                .doOnError(e -> log.warn("Could not fetch the access-token signing keys from {} ({}); {}", uri,
                        e.toString(), keys.get() == null ? "no key known yet" : "keeping the keys already known"))
                .doFinally(signal -> inFlight.set(null))
                .cache();
        return inFlight.compareAndSet(null, fetch) ? fetch : Objects.requireNonNullElse(inFlight.get(), fetch);
    }

    /** Runs {@code listener} whenever a fetched key set differs from the one held before (a rotation, a withdrawal). */
    void onKeysChanged(Runnable listener) {
        onChange.add(listener);
    }

    boolean hasKeys() {
        return keys.get() != null;
    }

    private static List<JWK> select(JWKSet set, JWSHeader header) {
        return new JWKSelector(JWKMatcher.forJWSHeader(header)).select(set);
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("the JWK set is not valid JSON: " + e.getMessage(), e);
        }
    }
}
