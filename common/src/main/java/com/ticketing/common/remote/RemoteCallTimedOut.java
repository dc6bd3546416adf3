package com.ticketing.common.remote;

/**
 * An attempt that was sent but got no answer within the read timeout. It counts against the circuit breaker
 * like any {@link RemoteCallFailed}, but is not retried ({@code resilience4j.retry.*.ignore-exceptions}): the
 * other service is slow, not gone, so a repeat would only wait as long again (past the gateway's time limit)
 * and add load where there is already too much.
 */
public class RemoteCallTimedOut extends RemoteCallFailed {

    public RemoteCallTimedOut(String message, Throwable cause) {
        super(message, true, cause);
    }
}
