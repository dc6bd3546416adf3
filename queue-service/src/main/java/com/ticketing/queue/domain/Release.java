package com.ticketing.queue.domain;

/** What an explicit leave freed. */
public enum Release {
    WAITING_PLACE,
    ACTIVE_SLOT,
    NOTHING
}
