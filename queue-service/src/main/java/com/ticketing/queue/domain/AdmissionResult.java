package com.ticketing.queue.domain;

import java.util.List;

/**
 * The outcome of one admission step.
 *
 * @param admittedUserIds users moved to active, in line order
 * @param waiting         waiting users after the step
 * @param active          active users after the step
 * @param ended           admissions that ran out and were removed
 * @param droppedIdle     waiting users dropped for not polling
 */
public record AdmissionResult(List<Long> admittedUserIds, long waiting, long active, long ended, long droppedIdle) {

    public int admitted() {
        return admittedUserIds.size();
    }
}
