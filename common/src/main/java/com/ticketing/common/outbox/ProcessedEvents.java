package com.ticketing.common.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The consumer side of exactly-once-in-effect: records {@code (consumer, eventId)} in the service's
 * {@code processed_event} table in the same transaction as the event's effect. A second delivery of the
 * same event finds the row and is skipped.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the event for {@code consumer}. Returns {@code true} the first time, {@code false} when it was
     * already processed (then the caller must not apply the effect again).
     */
    public boolean firstTime(String consumer, String eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("processed events must be recorded inside the effect's transaction");
        }
        return jdbc.update("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, NOW(6))",
                consumer, eventId) == 1;
    }
}
