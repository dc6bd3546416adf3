package com.ticketing.queue.room;

import com.ticketing.common.periodic.PeriodicTask;
import com.ticketing.queue.config.QueueProperties;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomLimits;
import com.ticketing.queue.domain.RoomState;
import com.ticketing.queue.domain.persistence.QueueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the rooms {@code ticketing.queue.demo-rooms} names ({@code QUEUE_DEMO_ROOMS}, e.g. {@code 1-24}) in
 * existence: from start-up and every 10 s after, each one missing is created OPEN, named "Schedule N", with the default
 * limits, without asking concert-service. So Redis being slow or down at start-up, or restarted empty (it keeps
 * nothing on disk), delays the demo rooms but never loses them; an existing room is left as it is (an operator's
 * changes stay). The local and docker profiles set {@code 1-24} (the demo data's schedules); production leaves it
 * empty and creates rooms through the operations API.
 */
@Component
class DemoRooms extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(DemoRooms.class);
    /** Bounds the list a range may expand to. */
    static final int MOST_DEMO_ROOMS = 10_000;

    private final QueueStore store;
    private final QueueProperties properties;
    private final List<Long> ids;

    DemoRooms(QueueStore store, QueueProperties properties) {
        super("queue-demo-rooms", !parse(properties.demoRooms()).isEmpty(), Duration.ofSeconds(10));
        this.store = store;
        this.properties = properties;
        this.ids = parse(properties.demoRooms());
    }

    /** The first run at start-up, before the timer's (so the demo rooms exist when the service reports ready). */
    @Override
    public synchronized void start() {
        if (!ids.isEmpty() && !isRunning()) {
            tick();
        }
        super.start();
    }

    /** Creates the demo rooms that do not exist; returns how many it created. A Redis failure fails the run. */
    @Override
    protected int runOnce() {
        QueueProperties.RoomDefaults d = properties.roomDefaults();
        RoomLimits limits = new RoomLimits(d.maxActiveUsers(), d.newUsersPerMinute(),
                (int) d.sessionDuration().toSeconds());
        int created = 0;
        for (long id : ids) {
            Room room = new Room(id, "Schedule " + id, RoomState.OPEN, store.clock().now(), null, null, limits);
            if (store.createRoom(room, "{\"at\":\"" + store.clock().now() + "\",\"by\":null,\"action\":\"CREATE\","
                    + "\"details\":{\"demo\":true}}")) {
                created++;
            }
        }
        if (created > 0) {
            log.info("demo waiting rooms {}: {} created, {} existed", properties.demoRooms(), created,
                    ids.size() - created);
        }
        return created;
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
