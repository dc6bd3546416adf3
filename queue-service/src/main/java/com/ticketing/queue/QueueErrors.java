package com.ticketing.queue;

/** Error codes of queue-service beyond the shared {@link com.ticketing.common.web.ErrorCodes}. */
public final class QueueErrors {

    /** A valid token whose place is gone: left, dropped for not polling, admission ended, or replaced. */
    public static final String QUEUE_TOKEN_NOT_FOUND = "QUEUE_TOKEN_NOT_FOUND";

    /** No waiting room for this id (a room's id is its schedule's id). */
    public static final String ROOM_NOT_FOUND = "ROOM_NOT_FOUND";
    /** The room is closed: no arrivals. */
    public static final String ROOM_CLOSED = "ROOM_CLOSED";
    /** The user already holds a place in {@code ticketing.queue.max-rooms-per-user} rooms: leave one first. */
    public static final String TOO_MANY_ROOMS = "TOO_MANY_ROOMS";
    /** A room for this schedule exists already. */
    public static final String ROOM_EXISTS = "ROOM_EXISTS";
    /** The room's state does not allow this change (e.g. resume an OPEN room, move the sale start of an open one). */
    public static final String ROOM_STATE_CONFLICT = "ROOM_STATE_CONFLICT";
    /** The schedule to create a room for does not exist (concert-service). */
    public static final String SCHEDULE_NOT_FOUND = "SCHEDULE_NOT_FOUND";

    private QueueErrors() {
    }
}
