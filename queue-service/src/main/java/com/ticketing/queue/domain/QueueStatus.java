package com.ticketing.queue.domain;

/** Where a token's holder stands: in line, or admitted to the protected routes. */
public enum QueueStatus {
    WAITING,
    PROGRESS
}
