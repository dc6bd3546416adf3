package com.ticketing.queue.token;

import com.ticketing.queue.domain.Place;
import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.domain.RoomState;

import java.time.Instant;

/**
 * The status of a place in a room, the same JSON for browsers and mobile apps (docs/contracts.md, "Waiting rooms").
 * {@code position} and {@code estimatedWaitSeconds} are null in the pre-queue and once the room closed;
 * {@code sessionEndsAt} is set while admitted.
 */
public record QueueStatusView(long roomId, RoomState roomState, Instant saleStartsAt, QueueStatus status,
                              Long position, Long estimatedWaitSeconds, boolean waitOverOneDay, long pollAfterMs,
                              Instant sessionEndsAt) {

    static QueueStatusView of(long roomId, Place place, WaitEstimator.Estimate estimate) {
        boolean placed = place.status() == QueueStatus.WAITING || place.status() == QueueStatus.PROGRESS;
        return new QueueStatusView(roomId, place.roomState(), place.saleStartsAt(), place.status(),
                placed ? place.position() : null, estimate.estimatedWaitSeconds(), estimate.waitOverOneDay(),
                estimate.pollAfterMs(), place.status() == QueueStatus.PROGRESS ? place.sessionEndsAt() : null);
    }
}
