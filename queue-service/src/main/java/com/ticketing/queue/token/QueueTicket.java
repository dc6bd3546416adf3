package com.ticketing.queue.token;

import com.ticketing.queue.domain.QueueStatus;
import com.ticketing.queue.domain.RoomState;

import java.time.Instant;

/** Answer to a token issue: the signed token and the status of its place ({@link QueueStatusView}). */
public record QueueTicket(String queueToken, long roomId, RoomState roomState, Instant saleStartsAt,
                          QueueStatus status, Long position, Long estimatedWaitSeconds, boolean waitOverOneDay,
                          long pollAfterMs, Instant sessionEndsAt) {

    static QueueTicket of(String queueToken, QueueStatusView s) {
        return new QueueTicket(queueToken, s.roomId(), s.roomState(), s.saleStartsAt(), s.status(), s.position(),
                s.estimatedWaitSeconds(), s.waitOverOneDay(), s.pollAfterMs(), s.sessionEndsAt());
    }
}
