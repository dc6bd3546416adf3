package com.ticketing.queue.store;

/** What an explicit leave freed. */
public enum Release {
    WAITING_PLACE,
    ACTIVE_SLOT,
    NOTHING
}
