package com.ticketing.common.web;

/** Bounds of ids accepted from clients, the same in every service. */
public final class Ids {

    /**
     * The largest id accepted: 2^53 − 1, the largest integer a JSON client (JavaScript, k6) represents exactly.
     * Larger values are refused with 400 rather than silently rounded somewhere upstream. Path and query ids are
     * capped by {@link DecimalIdBinding}; a request body caps its ids with {@code @Max(Ids.MAX)}.
     */
    public static final long MAX = 9_007_199_254_740_991L;

    private Ids() {
    }
}
