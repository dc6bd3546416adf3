package com.ticketing.reservation.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on the loopback address standing in for another service: answers through {@link #handle},
 * can stop listening (connection refused) and listen again on the same port.
 */
abstract class LoopbackHttpStub {

    private final ExecutorService executor;
    private volatile HttpServer server;
    private final int port;

    LoopbackHttpStub(int threads) {
        executor = Executors.newFixedThreadPool(threads);
        try {
            server = bind(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getAddress().getPort();
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening: calls are refused at connect. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port (no-op while listening). */
    public synchronized void listen() {
        if (server == null) {
            try {
                server = bind(port);
            } catch (IOException e) {
                throw new IllegalStateException("cannot listen on " + port + " again", e);
            }
        }
    }

    private HttpServer bind(int onPort) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 200);
        s.createContext("/", this::handle);
        s.setExecutor(executor);
        s.start();
        return s;
    }

    protected static String error(String code) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"stub\"}}";
    }

    protected static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
