package com.ticketing.reservation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP stand-in for payment-service's {@code GET /internal/payments/{paymentId}} (docs/contracts.md): the
 * payments the test declares, 404 {@code PAYMENT_NOT_FOUND} for any other. It can be stopped (connection refused).
 */
public final class PaymentsStub {

    private static final Pattern PATH = Pattern.compile("^/internal/payments/(\\d+)$");

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<Long, String> statuses = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private volatile HttpServer server;
    private final int port;

    private PaymentsStub() throws IOException {
        server = bind(0);
        port = server.getAddress().getPort();
    }

    public static PaymentsStub start() {
        try {
            return new PaymentsStub();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
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
        up();
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public synchronized void up() {
        if (server == null) {
            try {
                server = bind(port);
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen on " + port + " again", e);
            }
        }
    }

    private HttpServer bind(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        s.createContext("/", this::handle);
        s.setExecutor(executor);
        s.start();
        return s;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            lookups.incrementAndGet();
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            String status = m.matches() ? statuses.get(Long.parseLong(m.group(1))) : null;
            if (status == null) {
                send(exchange, 404, "{\"error\":{\"code\":\"PAYMENT_NOT_FOUND\",\"message\":\"stub\"}}");
                return;
            }
            boolean holds = !status.equals("FAILED") && !status.equals("REFUNDED");
            send(exchange, 200, "{\"data\":{\"paymentId\":" + m.group(1) + ",\"status\":\"" + status
                    + "\",\"holdsReservation\":" + holds + "}}");
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
