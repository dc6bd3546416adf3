package com.ticketing.queue.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A waiting room's state: {@code PRE_QUEUE} → {@code OPEN} (at the sale start) ⇄ {@code PAUSED} → {@code CLOSED}.
 * Only an OPEN room admits; PRE_QUEUE and PAUSED rooms take arrivals; a CLOSED room takes nothing.
 */
public enum RoomState {
    PRE_QUEUE, OPEN, PAUSED, CLOSED;

    /** The states an operator's {@code action} may be applied in. */
    public static Set<RoomState> allowedFor(RoomAction action) {
        return switch (action) {
            case PAUSE -> EnumSet.of(OPEN);
            case RESUME -> EnumSet.of(PAUSED);
            case CLOSE -> EnumSet.of(PRE_QUEUE, OPEN, PAUSED);
            case SALE_START -> EnumSet.of(PRE_QUEUE);
            case LIMITS -> EnumSet.of(PRE_QUEUE, OPEN, PAUSED);
            case CREATE -> EnumSet.noneOf(RoomState.class);
        };
    }

    /** The state after {@code action}, or null when the action keeps the state. */
    public static RoomState after(RoomAction action) {
        return switch (action) {
            case PAUSE -> PAUSED;
            case RESUME -> OPEN;
            case CLOSE -> CLOSED;
            default -> null;
        };
    }
}
