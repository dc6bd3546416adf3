package com.ticketing.common.remote;

import com.ticketing.common.refusal.Refusal;

/**
 * The answer of a call to another service, as the saga needs to see it: the body, a definitive refusal (4xx
 * with the other service's error code), or no answer at all.
 */
public sealed interface Reply<T> {

    /** 2xx: the {@code data} of the success envelope. */
    record Ok<T>(T body) implements Reply<T> {
    }

    /** 4xx: the other service refused and changed nothing (its contract says so for every 4xx). */
    record Rejected<T>(Refusal.Kind kind, String code, String message) implements Reply<T> {

        /** The same "no", passed on to this service's caller. */
        public Refusal asRefusal() {
            return new Refusal(kind, code, message);
        }
    }

    /**
     * No usable answer: connection refused, breaker open, timeout, 5xx...
     *
     * @param mayHaveApplied false only when the request certainly never reached the other service
     *                       (connection refused, breaker open, no instance): then it certainly had no effect
     */
    record Unavailable<T>(boolean mayHaveApplied, String reason) implements Reply<T> {
    }
}
