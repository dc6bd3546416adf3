package com.ticketing.reservation.support;

import com.ticketing.common.contracts.Contracts;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP stand-in for concert-service's {@code GET /internal/schedules/{scheduleId}/seats/{seatId}},
 * following the demo-data rules of docs/contracts.md: 50 seats per schedule, seat id = (scheduleId − 1) × 50 + seatNo.
 * Schedules 1..{@value #SCHEDULES} exist; {@value #CLOSED_SCHEDULE} is not bookable. It can be stopped (connection
 * refused), made to fail (500) or made slow.
 */
public final class CatalogStub extends LoopbackHttpStub {

    public static final int SCHEDULES = 100_000;
    public static final long CLOSED_SCHEDULE = 90_000;
    private static final Pattern PATH = Pattern.compile("^/internal/schedules/(-?\\d+)/seats/(-?\\d+)$");

    public enum Mode { UP, FAILING, SLOW }

    private final AtomicInteger hits = new AtomicInteger();
    private volatile Mode mode = Mode.UP;

    private CatalogStub() {
        super(16);
    }

    public static CatalogStub start() {
        return new CatalogStub();
    }

    public static long seatId(long scheduleId, int seatNo) {
        return (scheduleId - 1) * 50 + seatNo;
    }

    public static long scheduleOf(long seatId) {
        return (seatId - 1) / 50 + 1;
    }

    public static long priceOf(long seatId) {
        return 50_000 + ((seatId - 1) % 50 + 1) * 1_000;
    }

    public int hits() {
        return hits.get();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Back to a listening, healthy stub with a zero hit count. */
    public synchronized void reset() {
        mode = Mode.UP;
        hits.set(0);
        listen();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        hits.incrementAndGet();
        try {
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            if (!"GET".equals(exchange.getRequestMethod()) || !m.matches()) {
                send(exchange, 404, error("NOT_FOUND"));
                return;
            }
            switch (mode) {
                case FAILING -> {
                    send(exchange, 500, error("INTERNAL_ERROR"));
                    return;
                }
                case SLOW -> sleep(5_000);
                case UP -> {
                }
            }
            long scheduleId = Long.parseLong(m.group(1));
            long seatId = Long.parseLong(m.group(2));
            if (scheduleId < 1 || scheduleId > SCHEDULES) {
                send(exchange, 404, error("SCHEDULE_NOT_FOUND"));
                return;
            }
            if (seatId < 1 || scheduleOf(seatId) != scheduleId) {
                send(exchange, 404, error("SEAT_NOT_FOUND"));
                return;
            }
            int seatNo = (int) ((seatId - 1) % 50 + 1);
            // concert-service's answer as its contract sample has it (common's test jar)
            send(exchange, 200, "{\"data\":" + Contracts.sampleJson("concert-service/catalog-seat-answer", Map.of(
                    "scheduleId", scheduleId, "concertId", (scheduleId - 1) / 10 + 1, "seatId", seatId, "seatNo", seatNo,
                    "price", priceOf(seatId), "bookable", scheduleId != CLOSED_SCHEDULE)) + "}");
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
