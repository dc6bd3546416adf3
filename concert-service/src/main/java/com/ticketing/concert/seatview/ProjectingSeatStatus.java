package com.ticketing.concert.seatview;

import com.ticketing.common.event.EventJson;
import com.ticketing.common.outbox.ProcessedEvents;
import com.ticketing.concert.seatview.persistence.SeatViewRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Applies one reservation event to the seat-status view: records the event id as processed and updates the
 * seat in one transaction. A duplicate delivery is skipped; a stale event (see {@link SeatView}) is recorded
 * and changes nothing. A change of availability is announced so the schedule cache is evicted after commit.
 * Counted in {@code concert.seat_view.events} by {@code outcome}.
 */
@Service
public class ProjectingSeatStatus {

    /** The consumer name under which processed event ids are recorded. */
    public static final String CONSUMER = "concert-seat-view";
    public static final String METRIC = "concert.seat_view.events";

    public enum Outcome { APPLIED, STALE, DUPLICATE }

    private final ProcessedEvents processed;
    private final SeatViewRepository seats;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public ProjectingSeatStatus(ProcessedEvents processed, SeatViewRepository seats, ApplicationEventPublisher publisher,
                                Clock clock, MeterRegistry meters) {
        this.processed = processed;
        this.seats = seats;
        this.publisher = publisher;
        this.clock = clock;
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, Counter.builder(METRIC).tag("outcome", outcome.name().toLowerCase())
                    .description("reservation events applied to the seat view, by outcome").register(meters));
        }
    }

    /**
     * @throws UnknownSeatException when the seat does not exist or belongs to another schedule: no retry can
     *                              fix that, the event goes to the dead-letter topic
     */
    @Transactional
    public Outcome apply(String eventId, SeatChange change) {
        if (!processed.firstTime(CONSUMER, eventId)) {
            return count(Outcome.DUPLICATE);
        }
        SeatView current = seats.lockSeat(change.seatId())
                .filter(seat -> seat.scheduleId() == change.scheduleId())
                .orElseThrow(() -> new UnknownSeatException(change));
        SeatView next = current.apply(change);
        if (next.equals(current)) {
            return count(Outcome.STALE);
        }
        seats.save(next, clock.instant());
        if (current.availabilityDiffers(next)) {
            publisher.publishEvent(new SeatAvailabilityChanged(next.scheduleId(), next.seatId()));
        }
        return count(Outcome.APPLIED);
    }

    private Outcome count(Outcome outcome) {
        counters.get(outcome).increment();
        return outcome;
    }

    /** An event about a seat the catalog does not have (in that schedule): unprocessable, never retried. */
    public static class UnknownSeatException extends EventJson.MalformedEventException {
        UnknownSeatException(SeatChange change) {
            super("seat " + change.seatId() + " does not exist in schedule " + change.scheduleId());
        }
    }
}
