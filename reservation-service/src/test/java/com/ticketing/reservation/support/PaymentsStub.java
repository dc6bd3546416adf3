package com.ticketing.reservation.support;

import com.ticketing.common.contracts.Contracts;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP stand-in for payment-service's {@code GET /internal/payments/{paymentId}} (docs/contracts.md): the
 * payments the test declares, 404 {@code PAYMENT_NOT_FOUND} for any other. It can be stopped (connection refused).
 */
public final class PaymentsStub extends LoopbackHttpStub {

    private static final Pattern PATH = Pattern.compile("^/internal/payments/(\\d+)$");

    private final Map<Long, String> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    private PaymentsStub() {
        super(4);
    }

    public static PaymentsStub start() {
        return new PaymentsStub();
    }

    /** payment-service has {@code paymentId} in {@code status} (PENDING, DEBIT_UNKNOWN, COMPLETED, FAILED, ...). */
    public void payment(long paymentId, String status) {
        statuses.put(paymentId, status);
    }

    public int lookups() {
        return lookups.get();
    }

    public synchronized void reset() {
        statuses.clear();
        lookups.set(0);
        listen();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            lookups.incrementAndGet();
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            String status = m.matches() ? statuses.get(Long.parseLong(m.group(1))) : null;
            if (status == null) {
                send(exchange, 404, error("PAYMENT_NOT_FOUND"));
                return;
            }
            boolean holds = !status.equals("FAILED") && !status.equals("REFUNDED");
            // payment-service's answer as its contract sample has it (common's test jar)
            send(exchange, 200, "{\"data\":" + Contracts.sampleJson("payment-service/payment-state-answer", Map.of(
                    "paymentId", Long.parseLong(m.group(1)), "status", status, "holdsReservation", holds)) + "}");
        }
    }
}
