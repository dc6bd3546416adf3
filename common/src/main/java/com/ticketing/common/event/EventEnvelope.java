package com.ticketing.common.event;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * What travels on every topic: {@code {"eventId", "type", "occurredAt", "aggregateId", "payload"}}.
 * {@code eventId} is unique per event (a UUID) and is what consumers deduplicate on.
 */
public record EventEnvelope(String eventId, String type, Instant occurredAt, String aggregateId, JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }
}
