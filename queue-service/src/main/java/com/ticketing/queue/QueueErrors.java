package com.ticketing.queue.token;

/** Error codes only the waiting room uses. */
public final class QueueErrorCodes {

    /** A valid token whose place is gone: left, dropped for not polling, admission ended, or replaced. */
    public static final String QUEUE_TOKEN_NOT_FOUND = "QUEUE_TOKEN_NOT_FOUND";

    private QueueErrorCodes() {
    }
}
