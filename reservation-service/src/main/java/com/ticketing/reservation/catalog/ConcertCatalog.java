package com.ticketing.reservation.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.ticketing.common.web.ApiException;
import com.ticketing.common.web.ApiResponse;
import com.ticketing.common.web.ErrorBody;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.reservation.web.ReservationErrors;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Reads seats and prices from concert-service. Answers are cached (Caffeine, {@code cacheTtl}); concurrent
 * misses of one seat share one call. Each call runs under the {@code concert-service} circuit breaker and
 * time limiter, and a failed call is retried (an idempotent GET). Outcomes for callers:
 * the seat; 404 with concert-service's code ({@code SCHEDULE_NOT_FOUND}/{@code SEAT_NOT_FOUND});
 * 503 {@code SERVICE_UNAVAILABLE} when concert-service is down, slow or its breaker is open.
 */
@Component
public class ConcertCatalog {

    public static final String SERVICE = "concert-service";

    private static final Logger log = LoggerFactory.getLogger(ConcertCatalog.class);
    private static final ParameterizedTypeReference<ApiResponse<CatalogSeat>> SEAT_ANSWER = new ParameterizedTypeReference<>() {
    };

    private record Key(long scheduleId, long seatId) {
    }

    /** What one call learned: the seat, or that concert-service does not know it (not a failure). */
    private sealed interface Answer permits Found, NotFound {
    }

    private record Found(CatalogSeat seat) implements Answer {
    }

    private record NotFound(String code) implements Answer {
    }

    private final RestClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Cache<Key, CatalogSeat> cache;
    /** Lookups in flight: concurrent misses of one seat wait for the same call instead of making their own. */
    private final ConcurrentMap<Key, CompletableFuture<CatalogSeat>> inFlight = new ConcurrentHashMap<>();

    public ConcertCatalog(RestClient concertRestClient, CircuitBreakerFactory<?, ?> breakers, RetryRegistry retries,
                          ConcertClientProperties props, MeterRegistry meters) {
        this.http = concertRestClient;
        this.breaker = breakers.create(SERVICE);
        this.retry = retries.retry(SERVICE);
        this.cache = CaffeineCacheMetrics.monitor(meters, Caffeine.newBuilder()
                .expireAfterWrite(props.cacheTtl())
                .maximumSize(props.cacheMaxSize())
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
        Answer answer;
        try {
            answer = retry.executeSupplier(() -> breaker.run(() -> call(key), ConcertCatalog::asCallFailure));
        } catch (CatalogCallFailed e) {
            throw unavailable();
        } catch (BreakerOpen e) {
            throw unavailable();
        }
        if (answer instanceof NotFound notFound) {
            throw ApiException.notFound(notFound.code(), "no such seat in this schedule");
        }
        return ((Found) answer).seat();
    }

    private Answer call(Key key) {
        return http.get()
                .uri("/internal/schedules/{scheduleId}/seats/{seatId}", key.scheduleId(), key.seatId())
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> {
                    HttpStatus status = HttpStatus.resolve(response.getStatusCode().value());
                    if (status == HttpStatus.NOT_FOUND) {
                        return new NotFound(notFoundCode(response.bodyTo(ErrorBody.class)));
                    }
                    if (status == null || !status.is2xxSuccessful()) {
                        throw new CatalogCallFailed("concert-service answered " + response.getStatusCode().value(), null);
                    }
                    ApiResponse<CatalogSeat> body = response.bodyTo(SEAT_ANSWER);
                    if (body == null || body.data() == null || !body.data().isComplete()) {
                        throw new CatalogCallFailed("concert-service sent an incomplete seat", null);
                    }
                    return new Found(body.data());
                });
    }

    private static String notFoundCode(ErrorBody body) {
        String code = body == null || body.error() == null ? null : body.error().code();
        return ReservationErrors.SCHEDULE_NOT_FOUND.equals(code) ? code : ReservationErrors.SEAT_NOT_FOUND;
    }

    /** The breaker's fallback: an open breaker is not worth a retry; any other failure is. */
    private static Answer asCallFailure(Throwable t) {
        if (t instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            throw new BreakerOpen();
        }
        log.debug("concert-service call failed: {}", t.toString());
        throw t instanceof CatalogCallFailed failed ? failed : new CatalogCallFailed("concert-service call failed", t);
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

    private static ApiException unavailable() {
        return ApiException.unavailable(ErrorCodes.SERVICE_UNAVAILABLE, "the concert catalog is unavailable, try again shortly");
    }

    /** The breaker is open: fail fast, no retry. */
    static final class BreakerOpen extends RuntimeException {
        BreakerOpen() {
            super("concert-service circuit breaker is open", null, false, false);
        }
    }
}
