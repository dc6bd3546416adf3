package com.ticketing.common.outbox;

import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;

/**
 * Appends an event to the service's {@code outbox_event} table. Must be called inside the transaction
 * that makes the state change, so the event exists exactly when the change does; {@link OutboxRelay}
 * publishes it later.
 */
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final EventJson json;

    public OutboxWriter(JdbcTemplate jdbc, EventJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Writes {@code payload} as an event of {@code type} on {@code topic}, keyed by {@code aggregateId}. */
    public EventEnvelope append(String topic, String type, Object aggregateId, Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox events must be written inside the state change's transaction");
        }
        EventEnvelope envelope = json.envelope(type, aggregateId, payload);
        jdbc.update("INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, envelope, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                envelope.eventId(), topic, envelope.aggregateId(), type, json.write(envelope),
                Timestamp.from(envelope.occurredAt()));
        return envelope;
    }
}
