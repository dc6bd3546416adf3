package com.ticketing.queue.domain.persistence;

import com.ticketing.queue.domain.AdmissionLimits;
import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.PaidSlotRelease;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.domain.Release;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The waiting room in Redis. Every operation is one Lua script, run with EVALSHA (one round trip; Spring
 * falls back to EVAL once if the server lost the script), so each is atomic and any number of instances
 * may call it concurrently.
 */
@Component
public class QueueStore {

    private final StringRedisTemplate redis;
    private final RedisScript<List> issueScript = script("issue");
    private final RedisScript<List> checkScript = script("check");
    private final RedisScript<Long> leaveScript = script("leave", Long.class);
    private final RedisScript<List> admitScript = script("admit");
    private final RedisScript<Long> freePaidSlotScript = script("free-paid-slot", Long.class);

    public QueueStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * The user's place: the existing one when the user already waits or is active, else a new place at the
     * end of the line under {@code candidateTokenId}.
     */
    public Place issue(long userId, String candidateTokenId) {
        List<?> r = redis.execute(issueScript,
                List.of(QueueKeys.user(userId), QueueKeys.WAITING, QueueKeys.HEARTBEAT, QueueKeys.ADMITTED,
                        QueueKeys.SEQUENCE, QueueKeys.RATE),
                Long.toString(userId), candidateTokenId, QueueKeys.ACTIVE_PREFIX);
        QueueStatus status = asLong(r.get(1)) == 2 ? QueueStatus.PROGRESS : QueueStatus.WAITING;
        return new Place((String) r.get(0), status, asLong(r.get(2)), rate(r.get(3)));
    }

    /** The token's place, refreshing a waiting user's heartbeat; empty when the token holds no place. */
    public Optional<Place> check(long userId, String tokenId) {
        List<?> r = redis.execute(checkScript,
                List.of(QueueKeys.user(userId), QueueKeys.WAITING, QueueKeys.HEARTBEAT, QueueKeys.active(tokenId),
                        QueueKeys.RATE),
                Long.toString(userId), tokenId);
        long state = asLong(r.get(0));
        if (state == 1) {
            return Optional.of(new Place(tokenId, QueueStatus.WAITING, asLong(r.get(1)), rate(r.get(2))));
        }
        if (state == 2) {
            return Optional.of(new Place(tokenId, QueueStatus.PROGRESS, 0, OptionalDouble.empty()));
        }
        return Optional.empty();
    }

    public Release leave(long userId, String tokenId) {
        Long r = redis.execute(leaveScript,
                List.of(QueueKeys.user(userId), QueueKeys.WAITING, QueueKeys.HEARTBEAT, QueueKeys.ADMITTED,
                        QueueKeys.active(tokenId)),
                Long.toString(userId), tokenId);
        return r == 1 ? Release.WAITING_PLACE : r == 2 ? Release.ACTIVE_SLOT : Release.NOTHING;
    }

    /** One admission step (see admit.lua): purge, then admit the head of the line within the limits. */
    public AdmissionResult admit(AdmissionLimits limits) {
        List<?> r = redis.execute(admitScript,
                List.of(QueueKeys.WAITING, QueueKeys.HEARTBEAT, QueueKeys.ADMITTED, QueueKeys.BUCKET, QueueKeys.RATE),
                Integer.toString(limits.maxActive()), Integer.toString(limits.ratePerSecond()),
                Integer.toString(limits.burst()), Long.toString(limits.activeTtl().toMillis()),
                Long.toString(limits.idleTimeout().toMillis()), Integer.toString(limits.purgeBatch()),
                Integer.toString(limits.maxBatch()), Long.toString(limits.rateSmoothing().toMillis()),
                QueueKeys.USER_PREFIX, QueueKeys.ACTIVE_PREFIX);
        int admitted = (int) asLong(r.get(0));
        List<Long> ids = new ArrayList<>(admitted);
        for (int i = 5; i < 5 + admitted; i++) {
            ids.add(Long.parseLong((String) r.get(i)));
        }
        return new AdmissionResult(ids, asLong(r.get(1)), asLong(r.get(2)), asLong(r.get(3)), asLong(r.get(4)));
    }

    /** Frees the slot the user held when the payment happened; once per event id. */
    public PaidSlotRelease freePaidSlot(String eventId, long userId, Instant occurredAt, Duration rememberFor) {
        Long r = redis.execute(freePaidSlotScript,
                List.of(QueueKeys.processed(eventId), QueueKeys.user(userId), QueueKeys.ADMITTED),
                Long.toString(userId), Long.toString(occurredAt.toEpochMilli()),
                Long.toString(rememberFor.toMillis()), QueueKeys.ACTIVE_PREFIX);
        return r == 1 ? PaidSlotRelease.FREED
                : r == -1 ? PaidSlotRelease.DUPLICATE : PaidSlotRelease.NO_SLOT_FROM_BEFORE_THE_PAYMENT;
    }

    /** Waiting users (ZCARD, O(1)). */
    public long waitingSize() {
        Long n = redis.opsForZSet().zCard(QueueKeys.WAITING);
        return n == null ? 0 : n;
    }

    /** Active users, including ended admissions not purged yet (ZCARD, O(1)). */
    public long activeSize() {
        Long n = redis.opsForZSet().zCard(QueueKeys.ADMITTED);
        return n == null ? 0 : n;
    }

    private static long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : Long.parseLong(o.toString());
    }

    private static OptionalDouble rate(Object o) {
        if (o instanceof String s && !s.isEmpty()) {
            try {
                return OptionalDouble.of(Double.parseDouble(s));
            } catch (NumberFormatException ignored) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    private static RedisScript<List> script(String name) {
        return script(name, List.class);
    }

    /**
     * The script's text, read once. (A script built on a resource location re-checks the resource's
     * last-modified time inside the jar on every call to decide whether its SHA-1 is still valid: measured at
     * about 16 % of queue-service's CPU per token check.)
     */
    private static <T> RedisScript<T> script(String name, Class<T> type) {
        String path = "scripts/" + name + ".lua";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
