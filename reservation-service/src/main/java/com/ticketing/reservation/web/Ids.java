package com.ticketing.reservation.web;

/** Bounds of ids and money accepted from clients. */
public final class Ids {

    /**
     * The largest id accepted: 2^53 − 1, the largest integer a JSON client (JavaScript, k6) represents exactly.
     * Larger values are refused with 400 rather than silently rounded somewhere upstream.
     */
    public static final long MAX = 9_007_199_254_740_991L;

    private Ids() {
    }
}
