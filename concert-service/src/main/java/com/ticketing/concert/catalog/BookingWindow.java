package com.ticketing.concert.catalog;

import java.time.Instant;
import java.util.Objects;

/** When seats of a schedule can be held: from {@code opensAt} (inclusive) to {@code closesAt} (exclusive). */
public record BookingWindow(Instant opensAt, Instant closesAt) {

    public BookingWindow {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("a booking window must open before it closes");
        }
    }

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
