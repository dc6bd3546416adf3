package com.ticketing.queue.domain;

/** Where a token's holder stands in a room. */
public enum QueueStatus {
    /** Arrived before the sale start: a place in the pre-queue, no position until the opening shuffles it. */
    PRE_QUEUE,
    /** In line: position = waiting users ahead + 1. */
    WAITING,
    /** Admitted to the room's schedule until the session ends. */
    PROGRESS,
    /** The room closed: stop polling. */
    CLOSED
}
