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
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Feeds {@code reservation.events} into the seat-status view (group {@code concert-service}). Only parses and
 * delegates; a record that is not a well-formed seat event throws {@link EventJson.MalformedEventException},
 * which the shared error handler sends to {@code reservation.events.DLT} at once, so it never blocks the partition.
 */
@Component
class ReservationEventsListener {

    static final String LISTENER_ID = "seat-view";

    private static final Map<String, ReservationStage> STAGES = Map.of(
            EventTypes.SEAT_HELD, ReservationStage.HELD,
            EventTypes.RESERVATION_CONFIRMED, ReservationStage.SOLD,
            EventTypes.RESERVATION_EXPIRED, ReservationStage.RELEASED,
            EventTypes.RESERVATION_CANCELLED, ReservationStage.RELEASED);

    /** {@code processed_event.event_id} is CHAR(36): a UUID. */
    private static final int MAX_EVENT_ID_LENGTH = 36;

    private final EventJson json;
    private final ProjectingSeatStatus projecting;
    private final Counter ignored;

    ReservationEventsListener(EventJson json, ProjectingSeatStatus projecting, MeterRegistry meters) {
        this.json = json;
        this.projecting = projecting;
        this.ignored = Counter.builder(ProjectingSeatStatus.METRIC).tag("outcome", "ignored")
                .description("reservation events applied to the seat view, by outcome").register(meters);
    }

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
        if (event.eventId().isBlank() || event.eventId().length() > MAX_EVENT_ID_LENGTH) {
            throw new EventJson.MalformedEventException("event id must be 1.." + MAX_EVENT_ID_LENGTH + " characters");
        }
        projecting.apply(event.eventId(), change(event, stage));
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
