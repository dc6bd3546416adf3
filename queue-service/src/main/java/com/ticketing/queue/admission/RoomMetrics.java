package com.ticketing.queue.admission;

import com.ticketing.queue.domain.AdmissionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-room meters, tagged {@code room}: gauges {@code queue.room.waiting}, {@code queue.room.prequeue},
 * {@code queue.room.active} (as this instance's last admission step saw them; every instance steps every room each
 * interval) and counters {@code queue.room.admitted}, {@code queue.room.abandoned} (this instance's share; sum over
 * instances, the rate is per second).
 */
@Component
public class RoomMetrics {

    private final MeterRegistry meters;
    private final Map<Long, RoomMeters> rooms = new ConcurrentHashMap<>();

    public RoomMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    private final class RoomMeters {
        final AtomicLong waiting = new AtomicLong();
        final AtomicLong preQueue = new AtomicLong();
        final AtomicLong active = new AtomicLong();
        final Counter admitted;
        final Counter abandoned;

        RoomMeters(long roomId) {
            String room = Long.toString(roomId);
            Gauge.builder("queue.room.waiting", waiting, AtomicLong::get).tag("room", room)
                    .description("users waiting in the room's line").register(meters);
            Gauge.builder("queue.room.prequeue", preQueue, AtomicLong::get).tag("room", room)
                    .description("users in the room's pre-queue").register(meters);
            Gauge.builder("queue.room.active", active, AtomicLong::get).tag("room", room)
                    .description("admitted sessions in the room").register(meters);
            admitted = Counter.builder("queue.room.admitted").tag("room", room)
                    .description("users admitted to the room by this instance").register(meters);
            abandoned = Counter.builder("queue.room.abandoned").tag("room", room)
                    .description("waiting or pre-queue users dropped for not polling").register(meters);
        }
    }

    void record(long roomId, AdmissionResult result) {
        RoomMeters m = rooms.computeIfAbsent(roomId, RoomMeters::new);
        m.waiting.set(result.waiting());
        m.preQueue.set(result.preQueue());
        m.active.set(result.active());
        m.admitted.increment(result.admitted());
        m.abandoned.increment(result.abandoned());
    }
}
