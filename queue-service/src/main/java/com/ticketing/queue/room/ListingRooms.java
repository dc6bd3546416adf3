package com.ticketing.queue.room;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.queue.QueueErrors;
import com.ticketing.queue.domain.Room;
import com.ticketing.queue.domain.RoomFigures;
import com.ticketing.queue.domain.RoomState;
import com.ticketing.queue.domain.persistence.QueueStore;
import com.ticketing.queue.token.WaitEstimator;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rooms and their figures, for users (rooms not CLOSED, soonest sale first) and for operators (all). */
@Service
public class ListingRooms {

    private final QueueStore store;
    private final WaitEstimator estimator;

    public ListingRooms(QueueStore store, WaitEstimator estimator) {
        this.store = store;
        this.estimator = estimator;
    }

    public List<RoomSummary> open() {
        return store.roomIds().stream().map(store::figures).flatMap(Optional::stream)
                .filter(f -> f.room().state() != RoomState.CLOSED)
                .sorted(Comparator.comparing((RoomFigures f) -> f.room().saleStartsAt())
                        .thenComparing(f -> f.room().roomId()))
                .map(this::summary).toList();
    }

    public RoomSummary openOne(long roomId) {
        return summary(figures(roomId));
    }

    public List<RoomDetails> all() {
        return store.roomIds().stream().map(store::figures).flatMap(Optional::stream).map(this::details).toList();
    }

    public RoomDetails one(long roomId) {
        return details(figures(roomId));
    }

    RoomFigures figures(long roomId) {
        return store.figures(roomId)
                .orElseThrow(() -> Refusal.notFound(QueueErrors.ROOM_NOT_FOUND, "no waiting room " + roomId));
    }

    private WaitEstimator.Estimate newArrival(RoomFigures f) {
        return estimator.forPosition(f.waiting() + f.preQueue() + 1, f.measuredRate(), f.room().state(),
                f.room().limits());
    }

    private RoomSummary summary(RoomFigures f) {
        Room r = f.room();
        boolean closed = r.state() == RoomState.CLOSED;
        WaitEstimator.Estimate e = newArrival(f);
        return new RoomSummary(r.roomId(), r.name(), r.state(), r.saleStartsAt(), f.waiting() + f.preQueue(),
                closed ? null : e.estimatedWaitSeconds(), !closed && e.waitOverOneDay());
    }

    RoomDetails details(RoomFigures f) {
        Room r = f.room();
        return new RoomDetails(r.roomId(), r.name(), r.state(), r.saleStartsAt(), r.openedAt(), r.shuffleSeed(),
                r.limits().maxActiveUsers(), r.limits().newUsersPerMinute(), r.limits().sessionDurationSeconds(),
                f.waiting(), f.preQueue(), f.active(), f.admittedLastMinute(), f.abandonedLastMinute(),
                r.state() == RoomState.CLOSED ? null : newArrival(f).estimatedWaitSeconds());
    }
}
