package com.ticketing.gateway.admission;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A tiny real upstream for the gateway's routes: answers 200 with the identity headers it received
 * ({@code {"path": "...", "userIds": [...], "roles": [...], "tokenIds": [...], "rooms": [...]}}) and counts the calls
 * that reached it.
 */
public final class EchoUpstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    private EchoUpstream(HttpServer server) {
        this.server = server;
    }

    private static EchoUpstream shared;

    /** One upstream for every test class of this JVM (never closed: it dies with the JVM). */
    public static synchronized EchoUpstream shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public static EchoUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            EchoUpstream echo = new EchoUpstream(server);
            server.createContext("/", exchange -> {
                echo.calls.incrementAndGet();
                int bodyLength = exchange.getRequestBody().readAllBytes().length;
                String body = "{\"path\":\"" + exchange.getRequestURI().getPath() + "\","
                        + "\"bodyLength\":" + bodyLength + ","
                        + "\"userIds\":" + json(exchange.getRequestHeaders().get("X-User-Id")) + ","
                        + "\"roles\":" + json(exchange.getRequestHeaders().get("X-User-Roles")) + ","
                        + "\"tokenIds\":" + json(exchange.getRequestHeaders().get("X-Queue-Token-Id")) + ","
                        + "\"rooms\":" + json(exchange.getRequestHeaders().get("X-Queue-Room")) + "}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return echo;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(List<String> values) {
        if (values == null) {
            return "[]";
        }
        return values.stream().map(v -> "\"" + v.replace("\"", "") + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
