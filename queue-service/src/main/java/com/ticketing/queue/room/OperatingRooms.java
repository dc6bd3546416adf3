package com.ticketing.queue.room;

import com.ticketing.common.event.EventTypes;
import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.queue.QueueErrors;
import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomAction;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' changes to rooms: create, move the sale start, change the limits, pause, resume, close. Each is
 * checked, then applied in one Redis script together with its audit entry (who, when, what), logged at INFO, and
 * published as {@code WaitingRoomChanged}. Bad input is refused before Redis is touched; a change its state does not
 * allow changes nothing (409).
 */
@Service
public class OperatingRooms {

    private static final Logger log = LoggerFactory.getLogger(OperatingRooms.class);
    /** The latest sale start an operator may set. */
    public static final Duration MAX_SALE_START_AHEAD = Duration.ofDays(365);

    private final QueueStore store;
    private final ConcertSchedules schedules;
    private final ListingRooms listing;
    private final RoomEvents events;
    private final JsonMapper json;
    private final QueueProperties properties;

    public OperatingRooms(QueueStore store, ConcertSchedules schedules, ListingRooms listing, RoomEvents events,
                          JsonMapper json, QueueProperties properties) {
        this.store = store;
        this.schedules = schedules;
        this.listing = listing;
        this.events = events;
        this.json = json;
        this.properties = properties;
    }

    /** What an operator asks for; null fields take the defaults (the schedule's title and booking opening). */
    public record NewRoom(long roomId, String name, Instant saleStartsAt, Integer maxActiveUsers,
                          Integer newUsersPerMinute, Integer sessionDurationSeconds) {
    }

    /** The limits to change; null fields stay as they are. */
    public record LimitsChange(Integer maxActiveUsers, Integer newUsersPerMinute, Integer sessionDurationSeconds) {
    }

    public RoomDetails create(long adminId, NewRoom request) {
        if (request.saleStartsAt() != null) {
            requireSaleStartInRange(request.saleStartsAt());
        }
        if (store.figures(request.roomId()).isPresent()) {
            throw Refusal.conflict(QueueErrors.ROOM_EXISTS, "waiting room " + request.roomId() + " exists");
        }
        ConcertSchedules.Schedule schedule = schedules.schedule(request.roomId());
        String name = request.name() != null ? request.name() : truncate(schedule.title());
        Instant saleStartsAt = request.saleStartsAt() != null ? request.saleStartsAt() : schedule.bookingOpensAt();
        QueueProperties.RoomDefaults d = properties.roomDefaults();
        RoomLimits limits = new RoomLimits(
                request.maxActiveUsers() != null ? request.maxActiveUsers() : d.maxActiveUsers(),
                request.newUsersPerMinute() != null ? request.newUsersPerMinute() : d.newUsersPerMinute(),
                request.sessionDurationSeconds() != null ? request.sessionDurationSeconds()
                        : (int) d.sessionDuration().toSeconds());
        RoomState state = saleStartsAt.isAfter(store.clock().now()) ? RoomState.PRE_QUEUE : RoomState.OPEN;
        return create(adminId, new Room(request.roomId(), name, state, saleStartsAt, null, null, limits));
    }

    /** Creates {@code room} as given (no schedule lookup); 409 when it exists. */
    public RoomDetails create(Long adminId, Room room) {
        Map<String, Object> details = roomSettings(room.name(), room.state(), room.saleStartsAt(), room.limits());
        if (!store.createRoom(room, audit(adminId, RoomAction.CREATE, details))) {
            throw Refusal.conflict(QueueErrors.ROOM_EXISTS, "waiting room " + room.roomId() + " exists");
        }
        announce(adminId, room.roomId(), RoomAction.CREATE, details);
        return listing.one(room.roomId());
    }

    public RoomDetails changeSaleStart(long adminId, long roomId, Instant saleStartsAt) {
        if (saleStartsAt == null) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "saleStartsAt: must be given");
        }
        requireSaleStartInRange(saleStartsAt);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("saleStartsAt", saleStartsAt.toString());
        return change(adminId, roomId, RoomAction.SALE_START, details,
                List.of("saleStartsAt", Long.toString(saleStartsAt.toEpochMilli())));
    }

    public RoomDetails changeLimits(long adminId, long roomId, LimitsChange change) {
        if (change.maxActiveUsers() == null && change.newUsersPerMinute() == null
                && change.sessionDurationSeconds() == null) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED,
                    "give at least one of maxActiveUsers, newUsersPerMinute, sessionDurationSeconds");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        if (change.maxActiveUsers() != null) {
            details.put("maxActiveUsers", change.maxActiveUsers());
            fields.addAll(List.of("maxActiveUsers", change.maxActiveUsers().toString()));
        }
        if (change.newUsersPerMinute() != null) {
            details.put("newUsersPerMinute", change.newUsersPerMinute());
            fields.addAll(List.of("newUsersPerMinute", change.newUsersPerMinute().toString()));
        }
        if (change.sessionDurationSeconds() != null) {
            details.put("sessionDurationSeconds", change.sessionDurationSeconds());
            fields.addAll(List.of("sessionMs", Long.toString(change.sessionDurationSeconds() * 1000L)));
        }
        return change(adminId, roomId, RoomAction.LIMITS, details, fields);
    }

    /** Pause, resume or close. */
    public RoomDetails transition(long adminId, long roomId, RoomAction action) {
        return change(adminId, roomId, action, new LinkedHashMap<>(), List.of());
    }

    /** The room's audit entries, newest first. */
    public List<JsonNode> audit(long roomId) {
        listing.figures(roomId);
        return store.audit(roomId).stream().map(json::readTree).toList();
    }

    private RoomDetails change(long adminId, long roomId, RoomAction action, Map<String, Object> details,
                               List<String> fields) {
        RoomState next = RoomState.after(action);
        if (next != null) {
            details.put("state", next.name());
        }
        QueueStore.Change change = store.changeRoom(roomId, RoomState.allowedFor(action), next,
                        action == RoomAction.CLOSE, audit(adminId, action, details), fields)
                .orElseThrow(() -> Refusal.notFound(QueueErrors.ROOM_NOT_FOUND, "no waiting room " + roomId));
        if (!change.applied()) {
            throw Refusal.conflict(QueueErrors.ROOM_STATE_CONFLICT,
                    "cannot " + action.name().toLowerCase().replace('_', ' ') + " a room that is " + change.state());
        }
        announce(adminId, roomId, action, details);
        return listing.one(roomId);
    }

    private void announce(Long adminId, long roomId, RoomAction action, Map<String, Object> details) {
        log.info("waiting room {}: {} by {} {}", roomId, action, adminId == null ? "the system" : "admin " + adminId,
                details);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("roomId", roomId);
        payload.put("action", action.name());
        payload.put("by", adminId);
        payload.put("details", details);
        events.publish(EventTypes.WAITING_ROOM_CHANGED, roomId, payload);
    }

    private String audit(Long adminId, RoomAction action, Map<String, Object> details) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", store.clock().now().toString());
        entry.put("by", adminId);
        entry.put("action", action.name());
        entry.put("details", details);
        return json.writeValueAsString(entry);
    }

    private static Map<String, Object> roomSettings(String name, RoomState state, Instant saleStartsAt,
                                                    RoomLimits limits) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("state", state.name());
        details.put("saleStartsAt", saleStartsAt.toString());
        details.put("maxActiveUsers", limits.maxActiveUsers());
        details.put("newUsersPerMinute", limits.newUsersPerMinute());
        details.put("sessionDurationSeconds", limits.sessionDurationSeconds());
        return details;
    }

    private void requireSaleStartInRange(Instant saleStartsAt) {
        if (saleStartsAt.isAfter(store.clock().now().plus(MAX_SALE_START_AHEAD))) {
            throw Refusal.invalid(ErrorCodes.VALIDATION_FAILED, "saleStartsAt: must be at most a year ahead");
        }
    }

    private static String truncate(String title) {
        String t = title.isBlank() ? "Schedule" : title.strip();
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
