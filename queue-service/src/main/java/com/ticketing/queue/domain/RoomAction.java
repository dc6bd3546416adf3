package com.ticketing.queue.domain;

/** What an operator did to a room (the audit trail's {@code action}). */
public enum RoomAction {
    CREATE, SALE_START, LIMITS, PAUSE, RESUME, CLOSE
}
