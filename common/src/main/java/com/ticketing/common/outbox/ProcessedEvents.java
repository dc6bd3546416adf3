package com.ticketing.common.outbox;

import com.ticketing.common.event.EventJson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;

/**
 * The consumer side of exactly-once-in-effect: records {@code (consumer, eventId)} in the service's
 * {@code processed_event} table in the same transaction as the event's effect. A second delivery of the
 * same event finds the row and is skipped.
 *
 * <p>The event id is stored whole or not at all: {@code event_id} is {@code VARBINARY(255)} (byte for byte, no
 * padding, no case folding), an id that does not fit (or is blank) is refused as unprocessable, and the insert is
 * a plain {@code INSERT}, so the server would reject rather than truncate a value that does not fit (an
 * {@code INSERT IGNORE} into {@code CHAR(36)} used to cut longer ids, and two events alike in their first 36
 * characters counted as one).
 */
public class ProcessedEvents {

    /** The widest event id {@code processed_event.event_id} holds, in UTF-8 bytes (UUIDs take 36). */
    public static final int MAX_EVENT_ID_BYTES = 255;

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the event for {@code consumer}. Returns {@code true} the first time, {@code false} when it was
     * already processed (then the caller must not apply the effect again).
     *
     * @throws EventJson.MalformedEventException when the event id is blank or longer than {@link #MAX_EVENT_ID_BYTES}:
     *                                           it could not be stored whole, so the event goes to the dead-letter topic
     */
    public boolean firstTime(String consumer, String eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("processed events must be recorded inside the effect's transaction");
        }
        requireStorable(eventId);
        try {
            jdbc.update("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, NOW(6))",
                    consumer, eventId);
            return true;
        } catch (DuplicateKeyException alreadyProcessed) {
            return false;
        }
    }

    /** @throws EventJson.MalformedEventException unless {@code eventId} fits {@code processed_event.event_id} whole */
    public static void requireStorable(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new EventJson.MalformedEventException("blank event id");
        }
        if (eventId.length() > MAX_EVENT_ID_BYTES
                || eventId.getBytes(StandardCharsets.UTF_8).length > MAX_EVENT_ID_BYTES) {
            throw new EventJson.MalformedEventException("event id longer than " + MAX_EVENT_ID_BYTES + " bytes");
        }
    }
}
