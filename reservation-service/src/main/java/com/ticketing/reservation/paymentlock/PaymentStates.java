package com.ticketing.reservation.paymentlock;

import com.ticketing.common.refusal.Refusal;
import com.ticketing.common.remote.GuardedCalls;
import com.ticketing.common.remote.RemoteCallFailed;
import com.ticketing.common.remote.RemoteClient;
import com.ticketing.common.remote.RemoteClients;
import com.ticketing.common.remote.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks payment-service ({@code GET /internal/payments/{paymentId}}) whether a payment is over
 * ({@code ticketing.clients.payment}, common's remote-call kit). One call per question (never retried: the next
 * check asks again) under the {@code payment-service} circuit breaker and time limiter, with the client's connect
 * and read timeouts; any failure is "cannot tell now", never a guess.
 */
@Component
public class PaymentStates {

    /** The client's name under {@code ticketing.clients}. */
    public static final String CLIENT = "payment";
    /** Its breaker and time limiter ({@code resilience4j.*.instances.payment-service}). */
    public static final String SERVICE = "payment-service";

    private static final Logger log = LoggerFactory.getLogger(PaymentStates.class);

    /** What payment-service says about a payment. */
    public enum Verdict {
        /** FAILED or REFUNDED, or unknown to payment-service: it will never confirm the reservation. */
        OVER,
        /** Still under way or completed: its lock must stay. */
        HOLDS_RESERVATION,
        /** No answer (down, slow, breaker open): ask again later. */
        CANNOT_TELL
    }

    record Payment(Long paymentId, String status, Boolean holdsReservation) {
    }

    private final RestClient http;
    private final GuardedCalls calls;

    public PaymentStates(RemoteClients clients) {
        RemoteClient payments = clients.client(CLIENT);
        this.http = payments.http();
        this.calls = payments.calls();
    }

    public Verdict of(long paymentId) {
        Reply<Payment> reply = calls.call(false, () -> http.get()
                .uri("/internal/payments/{paymentId}", paymentId)
                .accept(MediaType.APPLICATION_JSON)
                .exchange((request, response) -> complete(calls.read(response, Payment.class))));
        if (reply instanceof Reply.Ok<Payment> ok) {
            return ok.body().holdsReservation() ? Verdict.HOLDS_RESERVATION : Verdict.OVER;
        }
        if (reply instanceof Reply.Rejected<Payment> refused && refused.kind() == Refusal.Kind.NOT_FOUND) {
            return Verdict.OVER; // a payment payment-service does not have will never confirm anything
        }
        log.debug("Cannot ask payment-service about payment {}: {}", paymentId, reply);
        return Verdict.CANNOT_TELL;
    }

    /** An answer without {@code holdsReservation} is no answer: it counts against the breaker. */
    private static Reply<Payment> complete(Reply<Payment> reply) {
        if (reply instanceof Reply.Ok<Payment> ok && (ok.body() == null || ok.body().holdsReservation() == null)) {
            throw new RemoteCallFailed("payment-service answered without holdsReservation", true, null);
        }
        return reply;
    }
}
