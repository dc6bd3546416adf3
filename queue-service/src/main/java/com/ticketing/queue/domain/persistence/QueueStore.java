package com.ticketing.queue.domain.persistence;

import com.ticketing.queue.domain.AdmissionResult;
import com.ticketing.queue.domain.AdmissionSettings;
import com.ticketing.queue.domain.Opening;
import com.ticketing.queue.domain.PaidSlotRelease;
import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.domain.Release;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomFigures;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * The waiting rooms in Redis. Every operation on a room is one Lua script over that room's keys only (one slot),
 * run with EVALSHA (one round trip; Spring falls back to EVAL once if the server lost the script), so each is
 * atomic and any number of instances may call it concurrently. The registry and the users' room sets live in
 * their own slots and are changed by separate calls. Times come from {@link QueueClock} (Redis TIME in
 * production).
 */
@Component
public class QueueStore {

    private final StringRedisTemplate redis;
    private final QueueClock clock;
    private final RedisScript<List> issueScript = script("issue");
    private final RedisScript<List> checkScript = script("check");
    private final RedisScript<Long> leaveScript = script("leave", Long.class);
    private final RedisScript<List> admitScript = script("admit");
    private final RedisScript<List> openScript = script("open");
    private final RedisScript<Long> freePaidSlotScript = script("free-paid-slot", Long.class);
    private final RedisScript<Long> createScript = script("create-room", Long.class);
    private final RedisScript<List> changeScript = script("change-room");
    private final RedisScript<List> figuresScript = script("figures");
    private final RedisScript<Long> claimScript = script("claim-room", Long.class);

    public QueueStore(StringRedisTemplate redis, QueueClock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public QueueClock clock() {
        return clock;
    }

    /**
     * The user's place in the room: the existing one when the user already holds one there, else a new place (in
     * the pre-queue before the opening, else at the end of the line) under {@code candidateTokenId}. Empty when the
     * room does not exist; status CLOSED (and no place) when it is closed.
     */
    public Optional<Place> issue(long roomId, long userId, String candidateTokenId) {
        RoomKeys k = RoomKeys.of(roomId);
        List<?> r = redis.execute(issueScript,
                List.of(k.room(), k.tokens(), k.waiting(), k.prequeue(), k.heartbeat(), k.admitted(), k.sequence(),
                        k.rate(), k.admittedAt()),
                Long.toString(userId), candidateTokenId, clock.scriptArg(), k.activePrefix());
        long code = asLong(r.get(0));
        if (code == -1) {
            return Optional.empty();
        }
        if (code == -2) {
            return Optional.of(new Place(null, QueueStatus.CLOSED, 0, OptionalDouble.empty(), RoomState.CLOSED,
                    null, null, null));
        }
        long status = asLong(r.get(2));
        return Optional.of(place((String) r.get(1), status == 1 ? QueueStatus.WAITING
                        : status == 2 ? QueueStatus.PROGRESS : QueueStatus.PRE_QUEUE,
                asLong(r.get(3)), r.subList(4, r.size())));
    }

    /**
     * The token's place, refreshing a waiting or pre-queue user's heartbeat; status CLOSED when the room closed and
     * the token holds no session; empty when the token holds no place.
     */
    public Optional<Place> check(long roomId, long userId, String tokenId) {
        RoomKeys k = RoomKeys.of(roomId);
        List<?> r = redis.execute(checkScript,
                List.of(k.room(), k.tokens(), k.waiting(), k.prequeue(), k.heartbeat(), k.active(tokenId), k.rate(),
                        k.admitted()),
                Long.toString(userId), tokenId, clock.scriptArg());
        QueueStatus status = switch ((int) asLong(r.get(0))) {
            case 1 -> QueueStatus.WAITING;
            case 2 -> QueueStatus.PROGRESS;
            case 3 -> QueueStatus.PRE_QUEUE;
            case 4 -> QueueStatus.CLOSED;
            default -> null;
        };
        return status == null ? Optional.empty()
                : Optional.of(place(tokenId, status, asLong(r.get(1)), r.subList(2, r.size())));
    }

    /** {measured rate, state, saleStartsAt, maxActiveUsers, newUsersPerMinute, sessionMs, session end}. */
    private static Place place(String tokenId, QueueStatus status, long position, List<?> tail) {
        RoomState state = RoomState.valueOf((String) tail.get(1));
        RoomLimits limits = new RoomLimits((int) asLong(tail.get(3)), (int) asLong(tail.get(4)),
                (int) (asLong(tail.get(5)) / 1000));
        Object ends = tail.get(6);
        Instant sessionEndsAt = ends instanceof String s && !s.isEmpty()
                ? Instant.ofEpochMilli((long) Double.parseDouble(s)) : null;
        return new Place(tokenId, status, position, rate(tail.get(0)), state, instant(tail.get(2)), limits,
                sessionEndsAt);
    }

    public Release leave(long roomId, long userId, String tokenId) {
        RoomKeys k = RoomKeys.of(roomId);
        Long r = redis.execute(leaveScript,
                List.of(k.tokens(), k.waiting(), k.prequeue(), k.heartbeat(), k.admitted(), k.active(tokenId),
                        k.admittedAt()),
                Long.toString(userId), tokenId);
        return r == 1 ? Release.WAITING_PLACE : r == 2 ? Release.ACTIVE_SLOT : Release.NOTHING;
    }

    /** One admission step in one room (see admit.lua): purge, then admit the head of the line within its limits. */
    public AdmissionResult admit(long roomId, AdmissionSettings settings) {
        RoomKeys k = RoomKeys.of(roomId);
        List<?> r = redis.execute(admitScript,
                List.of(k.room(), k.waiting(), k.heartbeat(), k.admitted(), k.bucket(), k.rate(), k.tokens(),
                        k.admittedAt(), k.prequeue(), k.admits(), k.abandons()),
                clock.scriptArg(), Long.toString(settings.idleTimeout().toMillis()),
                Integer.toString(settings.purgeBatch()), Integer.toString(settings.maxBatch()),
                Long.toString(settings.rateSmoothing().toMillis()), Long.toString(settings.interval().toMillis()),
                k.activePrefix());
        int admitted = (int) asLong(r.get(0));
        List<Long> ids = new ArrayList<>(admitted);
        for (int i = 8; i < 8 + admitted; i++) {
            ids.add(Long.parseLong((String) r.get(i)));
        }
        String state = (String) r.get(6);
        return new AdmissionResult(ids, asLong(r.get(1)), asLong(r.get(2)), asLong(r.get(3)), asLong(r.get(4)),
                asLong(r.get(5)), state.isEmpty() ? null : RoomState.valueOf(state), asLong(r.get(7)) == 1);
    }

    /**
     * Opens a PRE_QUEUE room whose sale start has passed: shuffles its pre-queue into the line with {@code seed}
     * (see open.lua and {@link com.ticketing.queue.domain.PreQueueShuffle}). Empty when it is not due or another
     * instance opened it first.
     */
    public Optional<Opening> open(long roomId, long seed, Duration idleTimeout) {
        RoomKeys k = RoomKeys.of(roomId);
        List<?> r = redis.execute(openScript,
                List.of(k.room(), k.prequeue(), k.waiting(), k.heartbeat(), k.tokens(), k.audit()),
                clock.scriptArg(), Long.toString(seed), Long.toString(idleTimeout.toMillis()), clock.now().toString(),
                Integer.toString(RoomKeys.AUDIT_CAPACITY));
        if (asLong(r.get(0)) != 1) {
            return Optional.empty();
        }
        return Optional.of(new Opening(roomId, seed, (int) asLong(r.get(1)), (int) asLong(r.get(2)),
                Instant.ofEpochMilli(Long.parseLong((String) r.get(3)))));
    }

    /** Creates the room with its first audit entry unless it exists (false then), and registers it. */
    public boolean createRoom(Room room, String auditEntry) {
        RoomKeys k = RoomKeys.of(room.roomId());
        List<String> args = new ArrayList<>(List.of(auditEntry, Integer.toString(RoomKeys.AUDIT_CAPACITY),
                "name", room.name(), "state", room.state().name(),
                "saleStartsAt", Long.toString(room.saleStartsAt().toEpochMilli())));
        args.addAll(limitFields(room.limits()));
        Long created = redis.execute(createScript, List.of(k.room(), k.audit()), args.toArray());
        // The registry is another slot: registered after the room exists (again on every attempt, which repairs a
        // registration lost between the two calls).
        redis.opsForSet().add(RoomKeys.REGISTRY, Long.toString(room.roomId()));
        return created == 1;
    }

    public static List<String> limitFields(RoomLimits limits) {
        return List.of("maxActiveUsers", Integer.toString(limits.maxActiveUsers()),
                "newUsersPerMinute", Integer.toString(limits.newUsersPerMinute()),
                "sessionMs", Long.toString(limits.sessionMs()));
    }

    /** The outcome of an operator's change: applied (state = the new one), refused in {@code state}, or no room. */
    public record Change(boolean applied, RoomState state) {
    }

    /**
     * Applies an operator's change atomically when the room is in one of {@code allowedFrom}: the new state (or
     * null to keep it), emptying the line and pre-queue when {@code close}, and {@code fields} of the room hash; with
     * its audit entry. Empty when the room does not exist.
     */
    public Optional<Change> changeRoom(long roomId, Set<RoomState> allowedFrom, RoomState newState, boolean close,
                                       String auditEntry, List<String> fields) {
        RoomKeys k = RoomKeys.of(roomId);
        List<String> args = new ArrayList<>();
        args.add(String.join(" ", allowedFrom.stream().map(Enum::name).toList()));
        args.add(newState == null ? "" : newState.name());
        args.add(close ? "1" : "0");
        args.add(auditEntry);
        args.add(Integer.toString(RoomKeys.AUDIT_CAPACITY));
        args.addAll(fields);
        List<?> r = redis.execute(changeScript,
                List.of(k.room(), k.audit(), k.waiting(), k.prequeue(), k.heartbeat(), k.tokens(), k.admitted()),
                args.toArray());
        long code = asLong(r.get(0));
        if (code == -1) {
            return Optional.empty();
        }
        return Optional.of(new Change(code == 1, RoomState.valueOf((String) r.get(1))));
    }

    /** The room and its figures, in one round trip; empty when it does not exist. */
    public Optional<RoomFigures> figures(long roomId) {
        RoomKeys k = RoomKeys.of(roomId);
        List<?> r = redis.execute(figuresScript,
                List.of(k.room(), k.waiting(), k.prequeue(), k.admitted(), k.rate(), k.admits(), k.abandons()),
                clock.scriptArg());
        if (r == null || r.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> h = new HashMap<>();
        for (int i = 6; i + 1 < r.size(); i += 2) {
            h.put((String) r.get(i), (String) r.get(i + 1));
        }
        Room room = new Room(roomId, h.get("name"), RoomState.valueOf(h.get("state")), instant(h.get("saleStartsAt")),
                instant(h.get("openedAt")), h.containsKey("shuffleSeed") ? Long.valueOf(h.get("shuffleSeed")) : null,
                new RoomLimits(Integer.parseInt(h.get("maxActiveUsers")), Integer.parseInt(h.get("newUsersPerMinute")),
                        (int) (Long.parseLong(h.get("sessionMs")) / 1000)));
        return Optional.of(new RoomFigures(room, asLong(r.get(0)), asLong(r.get(1)), asLong(r.get(2)),
                asLong(r.get(4)), asLong(r.get(5)), rate(r.get(3))));
    }

    /** The room's audit entries (JSON), newest first. */
    public List<String> audit(long roomId) {
        List<String> entries = redis.opsForList().range(RoomKeys.of(roomId).audit(), 0, RoomKeys.AUDIT_CAPACITY - 1);
        return entries == null ? List.of() : entries;
    }

    /** Every registered room id, ascending. */
    public Set<Long> roomIds() {
        Set<String> members = redis.opsForSet().members(RoomKeys.REGISTRY);
        Set<Long> ids = new TreeSet<>();
        if (members != null) {
            members.forEach(m -> ids.add(Long.parseLong(m)));
        }
        return ids;
    }

    /** Counts the room among the user's rooms: 1 already counted, 2 added, 0 the user holds {@code most} already. */
    public int claimRoom(long userId, long roomId, int most) {
        Long r = redis.execute(claimScript, List.of(RoomKeys.userRooms(userId)), Long.toString(roomId),
                Integer.toString(most));
        return r == null ? 0 : r.intValue();
    }

    public void releaseRoom(long userId, long roomId) {
        redis.opsForSet().remove(RoomKeys.userRooms(userId), Long.toString(roomId));
    }

    /** The rooms counted for the user (some may be stale: the place ended without this set being told). */
    public Set<Long> userRooms(long userId) {
        Set<String> members = redis.opsForSet().members(RoomKeys.userRooms(userId));
        Set<Long> ids = new TreeSet<>();
        if (members != null) {
            members.forEach(m -> ids.add(Long.parseLong(m)));
        }
        return ids;
    }

    /** Whether the user holds a place (waiting, pre-queue or admitted) in the room. */
    public boolean holdsPlace(long roomId, long userId) {
        return redis.opsForHash().hasKey(RoomKeys.of(roomId).tokens(), Long.toString(userId));
    }

    /** Ends the session the user held in the room when the payment happened; once per event id and room. */
    public PaidSlotRelease freePaidSlot(long roomId, String eventId, long userId, Instant occurredAt,
                                        Duration rememberFor) {
        RoomKeys k = RoomKeys.of(roomId);
        Long r = redis.execute(freePaidSlotScript,
                List.of(k.processed(eventId), k.tokens(), k.admittedAt(), k.admitted()),
                Long.toString(userId), Long.toString(occurredAt.toEpochMilli()),
                Long.toString(rememberFor.toMillis()), k.activePrefix());
        return r == 1 ? PaidSlotRelease.FREED
                : r == -1 ? PaidSlotRelease.DUPLICATE : PaidSlotRelease.NO_SLOT_FROM_BEFORE_THE_PAYMENT;
    }

    /** The room's line, first first (tests, audit replays): up to {@code most} user ids. */
    public List<Long> line(long roomId, int most) {
        Set<String> members = redis.opsForZSet().range(RoomKeys.of(roomId).waiting(), 0, most - 1L);
        return members == null ? List.of() : members.stream().map(Long::valueOf).toList();
    }

    /** The room's pre-queue in arrival order (tests, audit replays). */
    public List<Long> preQueue(long roomId, int most) {
        Set<String> members = redis.opsForZSet().range(RoomKeys.of(roomId).prequeue(), 0, most - 1L);
        return members == null ? List.of() : members.stream().map(Long::valueOf).toList();
    }

    private static Instant instant(Object o) {
        if (o instanceof String s && !s.isEmpty()) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        return null;
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
        return RedisScript.of(text("_clock") + text(name), type);
    }

    /** A script of {@code scripts/}; each is run with {@code _clock.lua} (the scripts' time) before it. */
    private static String text(String name) {
        String path = "scripts/" + name + ".lua";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
