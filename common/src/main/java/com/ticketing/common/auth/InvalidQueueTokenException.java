package com.ticketing.common.auth;

/** A queue token that is missing, malformed, forged or expired. The message is safe to show to clients. */
public class InvalidQueueTokenException extends RuntimeException {

    public InvalidQueueTokenException(String message) {
        super(message, null, false, false);
    }
}
