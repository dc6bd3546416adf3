package com.ticketing.gateway.admission;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.auth.InvalidQueueTokenException;
import com.ticketing.common.auth.QueueReadModel;
import com.ticketing.common.auth.QueueToken;
import com.ticketing.common.auth.QueueTokenCodec;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.gateway.error.GatewayErrors;
import com.ticketing.gateway.security.Identity;
import com.ticketing.gateway.security.IdentityHeadersFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code - Admission} on a route: only users the waiting room admitted get through. It runs after Spring Security
 * verified the access token (the logged-in user).
 * <ol>
 *   <li>The waiting-room token ({@code X-Queue-Token}) is verified locally: forged, malformed or expired → 401
 *       {@code INVALID_TOKEN}, with no network call. An access token there fails too (another algorithm and key).</li>
 *   <li>It must have been issued to the logged-in user: another user's token → 401 {@code INVALID_TOKEN}.</li>
 *   <li>One Redis script, {@link QueueReadModel#SESSION_CHECK_SCRIPT}, on the keys of the token's room (the queue's
 *       read model, docs/contracts.md "Waiting rooms"), bounded by {@code ticketing.admission.redis-timeout}:
 *       {@code queue:{room-<id>}:active:<tokenId>} must hold the token's user id, else 403
 *       {@code QUEUE_NOT_ADMITTED}. The same call renews the admitted session (activity renews it), at most once
 *       per {@code ticketing.admission.session-renew-step}. A token of room A is never checked against room B's
 *       keys: admission is per room, and the services check the room against the schedule they touch.</li>
 *   <li>Redis failing or too slow → 503 {@code SERVICE_UNAVAILABLE} with {@code Retry-After}: fail closed.</li>
 * </ol>
 * On a pass, the admitted token is recorded on the exchange; {@link IdentityHeadersFilter} writes
 * {@code X-User-Id}/{@code X-User-Roles}/{@code X-Queue-Token-Id}/{@code X-Queue-Room} onto the forwarded request
 * just before it leaves, replacing any client copy.
 */
@Component
public class AdmissionGatewayFilterFactory extends AbstractGatewayFilterFactory<AdmissionGatewayFilterFactory.Config> {

    /** The read model's check-and-renew script (common), built once: Spring runs it by its SHA (EVALSHA). */
    private static final RedisScript<Long> SESSION_CHECK = RedisScript.of(QueueReadModel.SESSION_CHECK_SCRIPT, Long.class);
    /** ARGV[2] of the script: empty, so the script reads Redis's own clock (one clock for every gateway). */
    private static final String REDIS_TIME = "";
    /** Exchange attribute holding the verified, admitted {@link QueueToken}. */
    public static final String ADMITTED_TOKEN_ATTR = AdmissionGatewayFilterFactory.class.getName() + ".token";

    private static final Logger log = LoggerFactory.getLogger(AdmissionGatewayFilterFactory.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final QueueTokenCodec codec;
    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final String renewStepMillis;
    private final int retryAfterSeconds;
    private final Counter passed;
    private final Counter invalidToken;
    private final Counter notAdmitted;
    private final Counter unavailable;
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    public AdmissionGatewayFilterFactory(QueueTokenCodec codec, ReactiveStringRedisTemplate redis,
                                         AdmissionProperties properties, MeterRegistry meters) {
        super(Config.class);
        this.codec = codec;
        this.redis = redis;
        this.timeout = properties.redisTimeout();
        this.renewStepMillis = Long.toString(properties.sessionRenewStep().toMillis());
        this.retryAfterSeconds = (int) Math.max(1, properties.retryAfter().toSeconds());
        this.passed = decisions(meters, "passed");
        this.invalidToken = decisions(meters, "invalid_token");
        this.notAdmitted = decisions(meters, "not_admitted");
        this.unavailable = decisions(meters, "unavailable");
    }

    private static Counter decisions(MeterRegistry meters, String outcome) {
        return Counter.builder("gateway.admission").tag("outcome", outcome)
                .description("admission decisions on protected routes").register(meters);
    }

    @Override
    public GatewayFilter apply(Config config) {
        return (exchange, chain) -> {
            QueueToken token;
            try {
                token = codec.verifyHeader(exchange.getRequest().getHeaders().getFirst(AuthHeaders.QUEUE_TOKEN));
            } catch (InvalidQueueTokenException e) {
                invalidToken.increment();
                return GatewayErrors.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.INVALID_TOKEN, e.getMessage());
            }
            String userId = Long.toString(token.userId());
            return Identity.of(exchange).map(Identity::userId).defaultIfEmpty("").flatMap(loggedIn -> {
                if (!loggedIn.equals(userId)) {
                    invalidToken.increment();
                    return GatewayErrors.write(exchange, HttpStatus.UNAUTHORIZED, ErrorCodes.INVALID_TOKEN,
                            "the waiting-room token was issued to another user");
                }
                return admitted(token, userId).flatMap(decision -> switch (decision) {
                    case ADMITTED -> {
                        passed.increment();
                        exchange.getAttributes().put(ADMITTED_TOKEN_ATTR, token);
                        yield chain.filter(exchange);
                    }
                    case NOT_ADMITTED -> {
                        notAdmitted.increment();
                        yield GatewayErrors.write(exchange, HttpStatus.FORBIDDEN, ErrorCodes.QUEUE_NOT_ADMITTED,
                                "not admitted to this waiting room (yet, or any more): wait in the room until your "
                                        + "token's status is PROGRESS");
                    }
                    case UNKNOWN -> {
                        unavailable.increment();
                        yield GatewayErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
                                ErrorCodes.SERVICE_UNAVAILABLE, "admission cannot be checked right now; retry shortly",
                                retryAfterSeconds);
                    }
                });
            });
        };
    }

    /**
     * One script call on the token's room (check and, once per renewal step, renew), bounded in time; an error or a
     * timeout is UNKNOWN, never a pass.
     */
    private Mono<Decision> admitted(QueueToken token, String userId) {
        long room = token.roomId();
        List<String> keys = List.of(QueueReadModel.activeKey(room, token.tokenId()), QueueReadModel.admittedKey(room),
                QueueReadModel.roomKey(room));
        return redis.execute(SESSION_CHECK, keys, List.of(userId, REDIS_TIME, renewStepMillis))
                .next()
                .timeout(timeout)
                .map(remainingMillis -> remainingMillis > 0 ? Decision.ADMITTED : Decision.NOT_ADMITTED)
                .defaultIfEmpty(Decision.NOT_ADMITTED)
                .onErrorResume(e -> {
                    logFailure(e);
                    return Mono.just(Decision.UNKNOWN);
                });
    }

    private void logFailure(Throwable e) {
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastFailureLog.compareAndSet(last, now)) {
            log.warn("Admission read model unavailable, answering 503 (logged at most every 10 s): {}", e.toString());
        }
    }

    private enum Decision {
        ADMITTED,
        NOT_ADMITTED,
        UNKNOWN
    }

    /** No arguments: {@code - Admission}. */
    public static class Config {
    }
}
