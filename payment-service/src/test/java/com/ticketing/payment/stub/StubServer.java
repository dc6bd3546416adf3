package com.ticketing.payment.stub;

import com.ticketing.common.contracts.Contracts;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small real HTTP server (JDK {@link HttpServer}) standing in for another team's service in this module's
 * tests. It speaks the shared envelope ({@code {"data"}} / {@code {"error": {"code", "message"}}}) and can be
 * taken down and brought back on the same port (connection refused in between).
 */
public abstract class StubServer {

    protected final JsonMapper json = JsonMapper.builder().build();
    /** Requests that did not match their contract sample (answered 400 {@code CONTRACT_VIOLATION}). */
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, getClass().getSimpleName());
        t.setDaemon(true);
        return t;
    });
    private HttpServer server;
    private int port;

    public synchronized StubServer start() {
        bind(0);
        return this;
    }

    /** Stops listening: calls now fail with connection refused. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void up() {
        if (server == null) {
            bind(port);
        }
    }

    public synchronized String url() {
        return "http://127.0.0.1:" + port;
    }

    private void bind(int wanted) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 128);
            s.createContext("/", this::dispatch);
            s.setExecutor(executor);
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + wanted, e);
        }
    }

    private void dispatch(HttpExchange exchange) {
        try (exchange) {
            JsonNode body = null;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0) {
                    body = json.readTree(bytes);
                }
            }
            String path = exchange.getRequestURI().getPath();
            Response response;
            try {
                response = handle(exchange.getRequestMethod(), path.substring(1).split("/"), body);
            } catch (AssertionError violation) {
                violations.add(exchange.getRequestMethod() + " " + path + ": " + violation.getMessage());
                response = error(400, "CONTRACT_VIOLATION");
            } catch (RuntimeException e) {
                response = error(500, "INTERNAL_ERROR");
            }
            byte[] out = json.writeValueAsBytes(response.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(response.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException | RuntimeException ignored) {
            // the client gave up (read timeout): nothing to answer
        }
    }

    /** What this stub was sent that its contract does not allow; tests check it stays empty. */
    public List<String> contractViolations() {
        return List.copyOf(violations);
    }

    public void forgetContractViolations() {
        violations.clear();
    }

    /** The request body, after checking it against the contract sample {@code contract} (common's test jar). */
    protected static JsonNode expect(String contract, JsonNode body) {
        Contracts.assertMatches(contract, body);
        return body;
    }

    /** 200 with the contract sample {@code contract}, its values replaced ({@code "path", value, ...}). */
    protected static Response answer(String contract, Object... pathsAndValues) {
        return ok(Contracts.sample(contract, pathsAndValues));
    }

    /** @param path the path segments without the leading slash, e.g. {@code [internal, users, 7, debits]} */
    protected abstract Response handle(String method, String[] path, JsonNode body);

    public record Response(int status, Object body) {
    }

    protected static Response ok(Object data) {
        return new Response(200, Map.of("data", data));
    }

    protected static Response error(int status, String code) {
        return new Response(status, Map.of("error", Map.of("code", code, "message", code.toLowerCase().replace('_', ' '))));
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
