package com.ticketing.queue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * concert-service's {@code GET /internal/schedules/{id}} on a loopback port: known schedules answer (the suite's {@code {"data": ...}} envelope), others 404
 * {@code SCHEDULE_NOT_FOUND}; {@link #down} answers 503 to everything.
 */
public final class ConcertStub {

    private static final Pattern SCHEDULE = Pattern.compile("/internal/schedules/(\\d+)");

    private final HttpServer server;
    private final Map<Long, String> schedules = new ConcurrentHashMap<>();
    private final AtomicBoolean down = new AtomicBoolean();

    ConcertStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void reset() {
        schedules.clear();
        down.set(false);
    }

    public void down(boolean isDown) {
        down.set(isDown);
    }

    public void schedule(long scheduleId, String title, Instant bookingOpensAt) {
        schedules.put(scheduleId, "{\"data\":{\"scheduleId\":" + scheduleId + ",\"concertId\":1,\"title\":\"" + title
                + "\",\"startsAt\":\"" + bookingOpensAt.plusSeconds(86_400) + "\",\"bookingOpensAt\":\""
                + bookingOpensAt + "\",\"bookingClosesAt\":\"" + bookingOpensAt.plusSeconds(3_600) + "\"}}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        Matcher m = SCHEDULE.matcher(exchange.getRequestURI().getPath());
        if (down.get()) {
            send(exchange, 503, "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"stub\"}}");
        } else if (m.matches() && schedules.containsKey(Long.parseLong(m.group(1)))) {
            send(exchange, 200, schedules.get(Long.parseLong(m.group(1))));
        } else {
            send(exchange, 404, "{\"error\":{\"code\":\"SCHEDULE_NOT_FOUND\",\"message\":\"stub\"}}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
