package com.ticketing.payment.remote;

import com.ticketing.common.remote.GuardedCalls;
import com.ticketing.common.remote.Reply;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * user-service's internal balance endpoints (docs/contracts.md). Every call here is idempotent by payment id,
 * so every call may be retried.
 */
public class UserAccounts {

    private final RestClient http;
    private final GuardedCalls calls;
    private final JsonMapper json;

    public UserAccounts(RestClient http, GuardedCalls calls, JsonMapper json) {
        this.http = http;
        this.calls = calls;
        this.json = json;
    }

    /** Takes {@code amount} from the user's balance for {@code paymentId}; a repeat takes nothing more. */
    public Reply<DebitReceipt> debit(long userId, long paymentId, long amount) {
        byte[] body = json.writeValueAsBytes(Map.of("paymentId", paymentId, "amount", amount));
        return calls.call(true, () -> http.post()
                .uri("/internal/users/{userId}/debits", userId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> calls.read(response, DebitReceipt.class)));
    }

    /** Gives back the debit of {@code paymentId}; a repeat gives nothing more. */
    public Reply<DebitReceipt> refund(long userId, long paymentId, long amount) {
        byte[] body = json.writeValueAsBytes(Map.of("paymentId", paymentId, "amount", amount));
        return calls.call(true, () -> http.post()
                .uri("/internal/users/{userId}/refunds", userId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((request, response) -> calls.read(response, DebitReceipt.class)));
    }

    /**
     * The fence: from now on no debit of {@code paymentId} applies (Ok), or 409 {@code DEBIT_EXISTS} when its debit
     * was taken first (then the payment must complete). Idempotent.
     */
    public Reply<Object> voidDebit(long userId, long paymentId) {
        return calls.call(true, () -> http.post()
                .uri("/internal/users/{userId}/debits/{paymentId}/void", userId, paymentId)
                .exchange((request, response) -> calls.read(response, Object.class)));
    }

    /** The debit of {@code paymentId}, or a 404 {@code DEBIT_NOT_FOUND} refusal when none was taken. */
    public Reply<DebitRecord> findDebit(long userId, long paymentId) {
        return calls.call(true, () -> http.get()
                .uri("/internal/users/{userId}/debits/{paymentId}", userId, paymentId)
                .exchange((request, response) -> calls.read(response, DebitRecord.class)));
    }

    /** Whether user-service's circuit breaker is open: any call now would be refused without being sent. */
    public boolean rejecting() {
        return calls.rejecting();
    }
}
