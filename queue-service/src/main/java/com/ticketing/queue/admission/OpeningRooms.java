package com.ticketing.queue.admission;

import com.ticketing.common.event.EventTypes;
import com.ticketing.queue.domain.Opening;
import com.ticketing.queue.domain.PreQueueShuffle;
import com.ticketing.queue.domain.persistence.QueueStore;
import com.ticketing.queue.room.RoomEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a room at its sale start: draws a seed (SecureRandom), has Redis shuffle the pre-queue into the line with it
 * in one atomic script (only one instance's opening happens; the others find the room OPEN), then logs the seed at
 * INFO and publishes {@code PreQueueShuffled}: with the pre-queue's arrival order, {@link PreQueueShuffle} replays
 * the line from the seed.
 */
@Component
public class OpeningRooms {

    private static final Logger log = LoggerFactory.getLogger(OpeningRooms.class);

    private final QueueStore store;
    private final RoomEvents events;
    private final SecureRandom random = new SecureRandom();

    public OpeningRooms(QueueStore store, RoomEvents events) {
        this.store = store;
        this.events = events;
    }

    public Optional<Opening> open(long roomId, Duration idleTimeout) {
        return open(roomId, 1 + random.nextLong(PreQueueShuffle.MODULUS - 1), idleTimeout);
    }

    /** Opens with a given seed (tests; an audit replay uses the logged one). */
    public Optional<Opening> open(long roomId, long seed, Duration idleTimeout) {
        Optional<Opening> opening = store.open(roomId, seed, idleTimeout);
        opening.ifPresent(o -> {
            log.info("waiting room {} opened: pre-queue of {} shuffled with seed {} ({} dropped as idle)",
                    o.roomId(), o.shuffled(), o.seed(), o.droppedIdle());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("roomId", o.roomId());
            payload.put("shuffleSeed", o.seed());
            payload.put("shuffled", o.shuffled());
            payload.put("droppedIdle", o.droppedIdle());
            payload.put("openedAt", o.openedAt().toString());
            events.publish(EventTypes.PRE_QUEUE_SHUFFLED, o.roomId(), payload);
        });
        return opening;
    }
}
