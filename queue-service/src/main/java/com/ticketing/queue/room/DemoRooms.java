package com.ticketing.queue.room;

import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * At start-up, creates the rooms {@code ticketing.queue.demo-rooms} names ({@code QUEUE_DEMO_ROOMS}, e.g.
 * {@code 1-24}) that do not exist yet: OPEN, named "Schedule N", with the default limits, without asking
 * concert-service. The local and docker profiles set {@code 1-24} (the demo data's schedules); production leaves it
 * empty and creates rooms through the operations API. Redis being down at start-up is logged, not fatal.
 */
@Component
class DemoRooms implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRooms.class);
    /** Bounds the list a range may expand to. */
    static final int MOST_DEMO_ROOMS = 10_000;

    private final QueueStore store;
    private final QueueProperties properties;

    DemoRooms(QueueStore store, QueueProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> ids = parse(properties.demoRooms());
        if (ids.isEmpty()) {
            return;
        }
        QueueProperties.RoomDefaults d = properties.roomDefaults();
        RoomLimits limits = new RoomLimits(d.maxActiveUsers(), d.newUsersPerMinute(),
                (int) d.sessionDuration().toSeconds());
        int created = 0;
        try {
            for (long id : ids) {
                Room room = new Room(id, "Schedule " + id, RoomState.OPEN, store.clock().now(), null, null, limits);
                if (store.createRoom(room, "{\"at\":\"" + store.clock().now() + "\",\"by\":null,\"action\":\"CREATE\","
                        + "\"details\":{\"demo\":true}}")) {
                    created++;
                }
            }
            log.info("demo waiting rooms {}: {} created, {} existed", properties.demoRooms(), created,
                    ids.size() - created);
        } catch (RuntimeException e) {
            log.warn("could not create the demo waiting rooms {}: {}", properties.demoRooms(), e.toString());
        }
    }

    /** {@code "1-24"}, {@code "1,5,7-9"}, or empty. */
    static List<Long> parse(String spec) {
        List<Long> ids = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return ids;
        }
        for (String part : spec.split(",")) {
            String p = part.strip();
            int dash = p.indexOf('-', 1);
            long from = Long.parseLong(dash < 0 ? p : p.substring(0, dash).strip());
            long to = dash < 0 ? from : Long.parseLong(p.substring(dash + 1).strip());
            if (from < 1 || to < from || ids.size() + (to - from + 1) > MOST_DEMO_ROOMS) {
                throw new IllegalArgumentException("ticketing.queue.demo-rooms: bad range " + p);
            }
            for (long id = from; id <= to; id++) {
                ids.add(id);
            }
        }
        return ids;
    }
}
