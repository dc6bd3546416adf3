package com.ticketing.queue.domain;

import java.util.List;

/**
 * The outcome of one admission step in one room.
 *
 * @param admittedUserIds users admitted, in line order
 * @param waiting         waiting users after the step
 * @param active          admitted sessions after the step
 * @param ended           sessions that ran out and were removed
 * @param abandoned       waiting or pre-queue users dropped for not polling (by the purge or when popped)
 * @param preQueue        pre-queue users after the step
 * @param state           the room's state (null: no such room)
 * @param openingDue      the room is PRE_QUEUE and its sale start has passed: open it
 */
public record AdmissionResult(List<Long> admittedUserIds, long waiting, long active, long ended, long abandoned,
                              long preQueue, RoomState state, boolean openingDue) {

    public int admitted() {
        return admittedUserIds.size();
    }
}
