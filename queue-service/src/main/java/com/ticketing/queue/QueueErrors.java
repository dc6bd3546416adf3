package com.ticketing.queue;

/** Error codes of queue-service beyond the shared {@link com.ticketing.common.web.ErrorCodes}. */
public final class QueueErrors {

    /** A valid token whose place is gone: left, dropped for not polling, admission ended, or replaced. */
    public static final String QUEUE_TOKEN_NOT_FOUND = "QUEUE_TOKEN_NOT_FOUND";

    private QueueErrors() {
    }
}
