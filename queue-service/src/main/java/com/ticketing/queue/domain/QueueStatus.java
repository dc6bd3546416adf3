package com.ticketing.queue.store;

/** Where a token's holder stands: in line, or admitted to the protected routes. */
public enum QueueStatus {
    WAITING,
    PROGRESS
}
