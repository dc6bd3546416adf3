package com.ticketing.common.event;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/**
 * Reads and writes {@link EventEnvelope}s as JSON strings (the Kafka value), and converts payloads to and
 * from the records each service defines for itself.
 */
public final class EventJson {

    private final JsonMapper mapper;

    public EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public EventJson() {
        this(JsonMapper.builder().build());
    }

    /** A new envelope with a fresh event id for {@code payload} (any record or map). */
    public EventEnvelope envelope(String type, Object aggregateId, Object payload) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, Instant.now(), String.valueOf(aggregateId),
                mapper.valueToTree(payload));
    }

    public String write(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /** @throws MalformedEventException when the text is not an envelope */
    public EventEnvelope read(String json) {
        try {
            EventEnvelope envelope = mapper.readValue(json, EventEnvelope.class);
            if (envelope == null) {
                throw new MalformedEventException("empty event");
            }
            return envelope;
        } catch (JacksonException | NullPointerException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage());
        }
    }

    /** @throws MalformedEventException when the payload does not fit {@code type} */
    public <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("payload of " + envelope.type() + " does not fit " + type.getSimpleName());
        }
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    /** A message that can never be processed; it goes to the dead-letter topic without retries. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
