package com.ticketing.reservation.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.remote.GuardedCalls;
import com.ticketing.common.remote.RemoteCallFailed;
import com.ticketing.common.remote.RemoteClient;
import com.ticketing.common.remote.RemoteClients;
import com.ticketing.common.remote.Reply;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.reservation.ReservationErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads seats and prices from concert-service ({@code ticketing.clients.concert}, common's remote-call kit).
 * Answers are cached (Caffeine, {@code ticketing.reservation.catalog-cache}); concurrent misses of one seat share
 * one call. Each call runs under the {@code concert-service} circuit breaker and time limiter, and a call that got
 * no answer is retried once (an idempotent GET; not after a read timeout, not when the breaker is open).
 * Outcomes for callers: the seat; a NOT_FOUND refusal with concert-service's code
 * ({@code SCHEDULE_NOT_FOUND}/{@code SEAT_NOT_FOUND}); an UNAVAILABLE refusal {@code SERVICE_UNAVAILABLE} when
 * concert-service is down, slow, answers something unusable or its breaker is open.
 */
@Component
@EnableConfigurationProperties(CatalogCacheProperties.class)
public class ConcertCatalog {

    /** The client's name under {@code ticketing.clients}. */
    public static final String CLIENT = "concert";
    /** Its breaker, time limiter and retry ({@code resilience4j.*.instances.concert-service}). */
    public static final String SERVICE = "concert-service";

    private static final Logger log = LoggerFactory.getLogger(ConcertCatalog.class);

    private record Key(long scheduleId, long seatId) {
    }

    private final RestClient http;
    private final GuardedCalls calls;
    private final Cache<Key, CatalogSeat> cache;
    /** Lookups in flight: concurrent misses of one seat wait for the same call instead of making their own. */
    private final ConcurrentMap<Key, CompletableFuture<CatalogSeat>> inFlight = new ConcurrentHashMap<>();

    public ConcertCatalog(RemoteClients clients, CatalogCacheProperties props, MeterRegistry meters) {
        RemoteClient concert = clients.client(CLIENT);
        this.http = concert.http();
        this.calls = concert.calls();
        this.cache = CaffeineCacheMetrics.monitor(meters, Caffeine.newBuilder()
                .expireAfterWrite(props.ttl())
                .maximumSize(props.maxSize())
                .recordStats()
                .<Key, CatalogSeat>build(), "concert-catalog");
    }

    /** The seat {@code seatId} of schedule {@code scheduleId}; see the class comment for failures. */
    public CatalogSeat seat(long scheduleId, long seatId) {
        Key key = new Key(scheduleId, seatId);
        CatalogSeat cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<CatalogSeat> mine = new CompletableFuture<>();
        CompletableFuture<CatalogSeat> pending = inFlight.putIfAbsent(key, mine);
        if (pending != null) {
            return await(pending);
        }
        try {
            CatalogSeat seat = lookUp(key);
            cache.put(key, seat); // only answers are cached; "not found" and failures are asked again next time
            mine.complete(seat);
            return seat;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Forgets every cached answer (operations, tests). */
    public void evictAll() {
        cache.invalidateAll();
    }

    private CatalogSeat lookUp(Key key) {
        Reply<CatalogSeat> reply = calls.call(true, () -> http.get()
                .uri("/internal/schedules/{scheduleId}/seats/{seatId}", key.scheduleId(), key.seatId())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> complete(calls.read(response, CatalogSeat.class))));
        if (reply instanceof Reply.Ok<CatalogSeat> ok) {
            return ok.body();
        }
        if (reply instanceof Reply.Rejected<CatalogSeat> refused && refused.kind() == Refusal.Kind.NOT_FOUND) {
            String code = ReservationErrors.SCHEDULE_NOT_FOUND.equals(refused.code())
                    ? refused.code() : ReservationErrors.SEAT_NOT_FOUND;
            throw Refusal.notFound(code, "no such seat in this schedule");
        }
        log.debug("concert-service gave no usable answer for {}: {}", key, reply);
        throw unavailable();
    }

    /** A seat without its price or number is no answer: it counts against the breaker and is retried. */
    private static Reply<CatalogSeat> complete(Reply<CatalogSeat> reply) {
        if (reply instanceof Reply.Ok<CatalogSeat> ok && (ok.body() == null || !ok.body().isComplete())) {
            throw new RemoteCallFailed("concert-service sent an incomplete seat", true, null);
        }
        return reply;
    }

    private static CatalogSeat await(CompletableFuture<CatalogSeat> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw unavailable();
        }
    }

    private static Refusal unavailable() {
        return Refusal.unavailable(ErrorCodes.SERVICE_UNAVAILABLE, "the concert catalog is unavailable, try again shortly");
    }
}
