package com.ticketing.common.event;

/** Kafka topic names. Events are keyed by their aggregate id. */
public final class Topics {

    public static final String RESERVATION_EVENTS = "reservation.events";
    public static final String PAYMENT_EVENTS = "payment.events";
    /** Waiting-room changes and openings (queue-service), key = room id. */
    public static final String QUEUE_ROOM_EVENTS = "queue.room.events";
    /** Suffix of the dead-letter topic a poison message of topic T goes to: {@code T + DLT_SUFFIX}. */
    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }
}
