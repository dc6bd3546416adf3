package com.ticketing.common.auth;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.web.ErrorCodes;

/**
 * The waiting room a request was admitted through. A room's id is its schedule's id, and admission to a room admits
 * to that schedule's seats, holds and payments only: a use case calls {@link #requireSchedule(long)} with the
 * schedule the request touches before it changes or reveals anything.
 */
public record RoomAdmission(long roomId) {

    public RoomAdmission {
        if (roomId < 1) {
            throw new IllegalArgumentException("room id must be positive");
        }
    }

    /** 403 {@code QUEUE_NOT_ADMITTED} unless this admission is to {@code scheduleId}'s room. */
    public void requireSchedule(long scheduleId) {
        if (scheduleId != roomId) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, ErrorCodes.QUEUE_NOT_ADMITTED,
                    "admitted to the waiting room of schedule " + roomId + ", not of schedule " + scheduleId
                            + ": wait in that schedule's room first");
        }
    }
}
