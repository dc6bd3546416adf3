package com.ticketing.queue.room;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.remote.GuardedCalls;
import com.ticketing.common.remote.RemoteClient;
import com.ticketing.common.remote.RemoteClients;
import com.ticketing.common.remote.Reply;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.queue.QueueErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;

/**
 * Reads a schedule from concert-service ({@code GET /internal/schedules/{scheduleId}}, client
 * {@code ticketing.clients.concert}, common's remote-call kit) when an operator creates its room. Outcomes: the
 * schedule; 400 {@code SCHEDULE_NOT_FOUND}; 503 {@code SERVICE_UNAVAILABLE} when concert-service is down, slow, or
 * answers something unusable.
 */
@Component
public class ConcertSchedules {

    public static final String CLIENT = "concert";
    private static final Logger log = LoggerFactory.getLogger(ConcertSchedules.class);

    /** concert-service's answer. */
    public record Schedule(Long scheduleId, Long concertId, String title, Instant startsAt, Instant bookingOpensAt,
                           Instant bookingClosesAt) {
    }

    private final RemoteClients clients;

    public ConcertSchedules(RemoteClients clients) {
        this.clients = clients;
    }

    public Schedule schedule(long scheduleId) {
        // Built on first use (operators create rooms rarely; the service starts without the client's settings).
        RemoteClient concert = clients.client(CLIENT);
        RestClient http = concert.http();
        GuardedCalls calls = concert.calls();
        Reply<Schedule> reply = calls.call(true, () -> http.get()
                .uri("/internal/schedules/{scheduleId}", scheduleId)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> calls.read(response, Schedule.class)));
        if (reply instanceof Reply.Ok<Schedule> ok && ok.body() != null && ok.body().title() != null
                && ok.body().bookingOpensAt() != null) {
            return ok.body();
        }
        if (reply instanceof Reply.Rejected<Schedule> refused && refused.kind() == Refusal.Kind.NOT_FOUND) {
            throw Refusal.invalid(QueueErrors.SCHEDULE_NOT_FOUND, "no schedule " + scheduleId);
        }
        log.warn("concert-service gave no usable answer for schedule {}: {}", scheduleId, reply);
        throw Refusal.unavailable(ErrorCodes.SERVICE_UNAVAILABLE,
                "the concert catalog is unavailable, try again shortly");
    }
}
