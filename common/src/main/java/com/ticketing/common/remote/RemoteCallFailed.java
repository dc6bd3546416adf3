package com.ticketing.common.remote;

/**
 * One attempt of a remote call that got no usable answer (transport failure or 5xx). It counts as a failure for
 * the circuit breaker and is the only exception an idempotent call is retried on
 * ({@code resilience4j.retry.*.retry-exceptions}).
 */
public class RemoteCallFailed extends RuntimeException {

    private final boolean mayHaveReachedServer;

    public RemoteCallFailed(String message, boolean mayHaveReachedServer, Throwable cause) {
        super(message, cause, false, false);
        this.mayHaveReachedServer = mayHaveReachedServer;
    }

    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }
}
