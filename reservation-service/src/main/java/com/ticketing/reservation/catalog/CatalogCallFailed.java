package com.ticketing.reservation.catalog;

/**
 * One call to concert-service failed (connection refused or timed out, 5xx, unreadable answer).
 * The call is an idempotent GET, so this one is retried ({@code resilience4j.retry.instances.concert-service}).
 */
public class CatalogCallFailed extends RuntimeException {

    public CatalogCallFailed(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
