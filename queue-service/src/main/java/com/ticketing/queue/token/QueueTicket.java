package com.ticketing.queue.token;

import com.ticketing.queue.domain.QueueStatus;

/** Answer to a token issue: the signed token and where its holder stands. */
public record QueueTicket(String queueToken, QueueStatus status, long position, long estimatedWaitSeconds,
                          long pollAfterMs) {
}
