package com.ticketing.queue.token;

import com.ticketing.queue.domain.QueueStatus;

/** Answer to a token check: {@code position} = waiting users ahead + 1, 0 once admitted. */
public record QueuePosition(QueueStatus status, long position, long estimatedWaitSeconds, long pollAfterMs) {
}
