package com.ticketing.concert.outage;

/**
 * A catalog read as served: fresh from the database (or its cache), or the last answer known good, served
 * because the database is down ({@code stale}). The web layer labels a stale answer with {@link #STALE_HEADER}.
 */
public record Served<T>(T value, boolean stale) {

    /** Response header on a stale answer: {@code X-Stale: true}. */
    public static final String STALE_HEADER = "X-Stale";

    public static <T> Served<T> fresh(T value) {
        return new Served<>(value, false);
    }
}
