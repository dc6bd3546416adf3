package com.ticketing.concert.seatview.messaging;

import com.ticketing.common.event.EventEnvelope;
import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.concert.seatview.ProjectingSeatStatus;
import com.ticketing.concert.seatview.ReservationStage;
import com.ticketing.concert.seatview.SeatChange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Feeds {@code reservation.events} into the seat-status view (group {@code concert-service}). Only parses and
 * delegates; a record that is not a well-formed seat event throws {@link EventJson.MalformedEventException},
 * which the shared error handler sends to {@code reservation.events.DLT} at once, so it never blocks the partition.
 * A record that kept failing for another reason (the database down longer than the shared handler retries) also
 * ends there.
 *
 * <p>The dead letters replay by themselves: a second listener (group {@code concert-service-dead-letters}) applies
 * every record of {@code reservation.events.DLT} the same way, retrying one that fails with back-off for as long as
 * it takes ({@link DeadLetterReplayConfiguration}), so once the cause is gone the seat view catches up with no
 * operator. That is safe because the view depends only on the set of events, not their order ({@code SeatView}),
 * and duplicates are skipped by their id. Records that can never apply (malformed) are counted and left on the
 * dead-letter topic.
 */
@Component
class ReservationEventsListener {

    static final String LISTENER_ID = "seat-view";
    static final String DEAD_LETTER_LISTENER_ID = "seat-view-dead-letters";

    private static final Logger log = LoggerFactory.getLogger(ReservationEventsListener.class);
    private static final Map<String, ReservationStage> STAGES = Map.of(
            EventTypes.SEAT_HELD, ReservationStage.HELD,
            EventTypes.RESERVATION_CONFIRMED, ReservationStage.SOLD,
            EventTypes.RESERVATION_EXPIRED, ReservationStage.RELEASED,
            EventTypes.RESERVATION_CANCELLED, ReservationStage.RELEASED);

    private final EventJson json;
    private final ProjectingSeatStatus projecting;
    private final Counter ignored;
    private final Counter replayed;
    private final Counter unprocessable;

    ReservationEventsListener(EventJson json, ProjectingSeatStatus projecting, MeterRegistry meters) {
        this.json = json;
        this.projecting = projecting;
        this.ignored = Counter.builder(ProjectingSeatStatus.METRIC).tag("outcome", "ignored")
                .description("reservation events applied to the seat view, by outcome").register(meters);
        this.replayed = Counter.builder(DEAD_LETTER_METRIC).tag("result", "replayed")
                .description("dead-lettered reservation events replayed into the seat view, by result").register(meters);
        this.unprocessable = Counter.builder(DEAD_LETTER_METRIC).tag("result", "unprocessable")
                .description("dead-lettered reservation events replayed into the seat view, by result").register(meters);
    }

    static final String DEAD_LETTER_METRIC = "concert.seat_view.dead_letters";

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.RESERVATION_EVENTS,
            groupId = "${spring.kafka.consumer.group-id:concert-service}",
            concurrency = "${ticketing.concert.seat-view.consumers:1}")
    void on(String value) {
        EventEnvelope event = json.read(value);
        ReservationStage stage = STAGES.get(event.type());
        if (stage == null) {
            ignored.increment(); // e.g. ReservationConfirmationFailed: payment-service's business, not the seat's
            return;
        }
        projecting.apply(event.eventId(), change(event, stage)); // an id too long to store whole is refused there
    }

    /**
     * Replays a dead-lettered record. A failure other than "malformed" propagates and is retried with back-off until
     * it applies (the partition of the dead-letter topic waits meanwhile, the main one does not).
     */
    @KafkaListener(id = DEAD_LETTER_LISTENER_ID, idIsGroup = false, topics = Topics.RESERVATION_EVENTS + Topics.DLT_SUFFIX,
            groupId = "${spring.kafka.consumer.group-id:concert-service}-dead-letters",
            containerFactory = DeadLetterReplayConfiguration.FACTORY)
    void replay(String value) {
        try {
            on(value);
            replayed.increment();
        } catch (EventJson.MalformedEventException never) {
            unprocessable.increment();
            log.warn("Dead-lettered reservation event cannot apply to the seat view, left on the topic: {}",
                    never.getMessage());
        }
    }

    private SeatChange change(EventEnvelope event, ReservationStage stage) {
        SeatEventPayload payload = json.payload(event, SeatEventPayload.class);
        if (!positive(payload.reservationId()) || !positive(payload.scheduleId()) || !positive(payload.seatId())) {
            throw new EventJson.MalformedEventException(event.type() + " " + event.eventId()
                    + " needs positive reservationId, scheduleId and seatId");
        }
        return new SeatChange(payload.reservationId(), payload.scheduleId(), payload.seatId(), stage);
    }

    private static boolean positive(Long id) {
        return id != null && id > 0;
    }
}
