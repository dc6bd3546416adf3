package com.ticketing.payment.remote;

import com.ticketing.common.remote.GuardedCalls;
import com.ticketing.common.remote.Reply;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * reservation-service's payment lock (docs/contracts.md). Lock and unlock are idempotent by payment id, so
 * both may be retried.
 */
public class Reservations {

    private final RestClient http;
    private final GuardedCalls calls;
    private final JsonMapper json;

    public Reservations(RestClient http, GuardedCalls calls, JsonMapper json) {
        this.http = http;
        this.calls = calls;
        this.json = json;
    }

    /**
     * Locks the user's held reservation for {@code paymentId}: it cannot expire or be paid by another payment. Refused
     * (403 {@code QUEUE_NOT_ADMITTED}, nothing locked) unless the reservation's schedule is the payer's {@code roomId}.
     */
    public Reply<ReservationLock> lock(long reservationId, long userId, long paymentId, long roomId) {
        byte[] body = json.writeValueAsBytes(Map.of("userId", userId, "paymentId", paymentId, "roomId", roomId));
        return calls.call(true, () -> http.post()
                .uri("/internal/reservations/{reservationId}/payment-lock", reservationId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> calls.read(response, ReservationLock.class)));
    }

    /**
     * Releases the lock {@code paymentId} holds, if any (PAYING → HELD, or EXPIRED when its time passed), and refuses
     * any later lock by that payment (the fence): a lock request still on its way can no longer apply.
     */
    public Reply<Object> unlock(long reservationId, long paymentId) {
        return calls.call(true, () -> http.delete()
                .uri("/internal/reservations/{reservationId}/payment-lock/{paymentId}", reservationId, paymentId)
                .exchange((request, response) -> calls.read(response, Object.class)));
    }

    /** The reservation as it stands (any state), or a 404 {@code RESERVATION_NOT_FOUND} refusal. */
    public Reply<ReservationState> find(long reservationId) {
        return calls.call(true, () -> http.get()
                .uri("/internal/reservations/{reservationId}", reservationId)
                .exchange((request, response) -> calls.read(response, ReservationState.class)));
    }

    /** Whether reservation-service's circuit breaker is open: any call now would be refused without being sent. */
    public boolean rejecting() {
        return calls.rejecting();
    }
}
