package com.ticketing.queue.room;

import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes room changes and openings on {@code queue.room.events} (key = room id). The change itself is already
 * applied and audited in Redis (queue-service has no database for an outbox), so a publication that fails is logged
 * at WARN with the event, and the room's audit trail stays the record of what happened.
 */
@Component
public class RoomEvents {

    private static final Logger log = LoggerFactory.getLogger(RoomEvents.class);

    private final KafkaTemplate<String, String> kafka;
    private final EventJson json;

    public RoomEvents(KafkaTemplate<String, String> kafka, EventJson json) {
        this.kafka = kafka;
        this.json = json;
    }

    public void publish(String type, long roomId, Object payload) {
        String event = json.write(json.envelope(type, roomId, payload));
        try {
            kafka.send(Topics.QUEUE_ROOM_EVENTS, Long.toString(roomId), event).whenComplete((sent, failure) -> {
                if (failure != null) {
                    log.warn("could not publish {} of room {}: {} ({})", type, roomId, event, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("could not publish {} of room {}: {} ({})", type, roomId, event, e.toString());
        }
    }
}
