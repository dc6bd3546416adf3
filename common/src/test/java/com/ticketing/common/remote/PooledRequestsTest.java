package com.ticketing.common.remote;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clients' pooled HTTP client against real sockets: what each way of failing is classified as by
 * {@link GuardedCalls}, and that connections are kept alive.
 */
class PooledRequestsTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<AutoCloseable> open = new ArrayList<>();
    private HttpComponentsClientHttpRequestFactory requests;

    @AfterEach
    void closeAll() throws Exception {
        if (requests != null) {
            requests.destroy();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void shouldKeepTheConnectionAliveAcrossCalls() throws IOException {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        HttpServer server = server(exchange -> clientPorts.add(exchange.getRemoteAddress().getPort()), 0);

        for (int i = 0; i < 5; i++) {
            assertThat(call(url(server))).isInstanceOf(Reply.Ok.class);
        }

        assertThat(clientPorts).as("one connection for all calls").hasSize(1);
    }

    @Test
    void shouldOpenANewConnectionWhenTheServerClosedThePooledOne() throws IOException {
        HttpServer server = server(exchange -> { }, 0);
        String url = url(server);
        assertThat(call(url)).isInstanceOf(Reply.Ok.class);
        server.stop(0); // closes the kept-alive connection too

        // Not sent on the dead connection (no answer: outcome unknown), but refused on a new one.
        Reply<JsonNode> reply = call(url);

        assertThat(reply).isInstanceOfSatisfying(Reply.Unavailable.class,
                down -> assertThat(down.mayHaveApplied()).isFalse());
    }

    @Test
    void shouldKnowTheRequestNeverLeftWhenTheConnectTimedOut() throws IOException {
        // A listener that never accepts, with its accept queue full: the next connection attempt gets no answer.
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        open.add(listener);
        fillAcceptQueue(listener);

        Reply<JsonNode> reply = call("http://127.0.0.1:" + listener.getLocalPort());

        assertThat(reply).isInstanceOfSatisfying(Reply.Unavailable.class, down -> {
            assertThat(down.mayHaveApplied()).isFalse();
            assertThat(down.reason()).containsIgnoringCase("connect timed out");
        });
        assertThat(attempts.get()).as("retried: nothing was sent").isEqualTo(2);
    }

    @Test
    void shouldTreatAConnectionClosedWithoutAnAnswerAsPossiblyApplied() throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(listener);
        Thread taker = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    readRequest(s.getInputStream()); // took the request, then went away
                } catch (IOException ignored) {
                    // closed
                }
            }
        });
        taker.setDaemon(true);
        taker.start();

        Reply<JsonNode> reply = call("http://127.0.0.1:" + listener.getLocalPort());

        assertThat(reply).isInstanceOfSatisfying(Reply.Unavailable.class, down -> {
            assertThat(down.mayHaveApplied()).isTrue();
            assertThat(down.reason()).contains("NoHttpResponseException");
        });
        assertThat(attempts.get()).as("no answer is retried").isEqualTo(2);
    }

    @Test
    void shouldNotRetryARequestWhoseAnswerCameTooLate() throws IOException {
        HttpServer server = server(exchange -> { }, READ_TIMEOUT.toMillis() + 500);

        Reply<JsonNode> reply = call(url(server));

        assertThat(reply).isInstanceOfSatisfying(Reply.Unavailable.class,
                down -> assertThat(down.mayHaveApplied()).isTrue());
        assertThat(attempts.get()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private Reply<JsonNode> call(String baseUrl) {
        requests = requests != null ? requests : RemoteClients.pooledRequests(new ClientSettings(
                URI.create(baseUrl), false, CONNECT_TIMEOUT, READ_TIMEOUT, 4, "test-service"));
        RestClient http = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
        Retry retry = Retry.of("test", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(10))
                .retryExceptions(RemoteCallFailed.class).ignoreExceptions(RemoteCallTimedOut.class).build());
        GuardedCalls calls = new GuardedCalls("test-service", new PassThrough(),
                io.github.resilience4j.circuitbreaker.CircuitBreaker.ofDefaults("test"), retry, json);
        return calls.call(true, () -> {
            attempts.incrementAndGet();
            return http.post().uri("/internal/things").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"paymentId\": 1}".getBytes(StandardCharsets.UTF_8))
                    .exchange((request, response) -> calls.read(response, JsonNode.class));
        });
    }

    private interface Handler {
        void seen(com.sun.net.httpserver.HttpExchange exchange);
    }

    /** Answers every request 200 {@code {"data": {"ok": true}}} after {@code delayMs}. */
    private HttpServer server(Handler handler, long delayMs) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        ExecutorService handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-handler");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                handler.seen(exchange);
                sleep(delayMs);
                byte[] body = "{\"data\": {\"ok\": true}}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException ignored) {
                // the client gave up
            }
        });
        server.start();
        open.add(() -> {
            server.stop(0);
            handlers.shutdownNow();
        });
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void fillAcceptQueue(ServerSocket listener) throws IOException {
        for (int i = 0; i < 20; i++) {
            Socket s = new Socket();
            open.add(s);
            try {
                s.connect(listener.getLocalSocketAddress(), (int) CONNECT_TIMEOUT.toMillis());
            } catch (SocketTimeoutException full) {
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled up");
    }

    /** Reads one request, head and body, so that closing afterwards is an orderly close (not a reset). */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        in.readNBytes(length);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The breaker is not under test here: calls go straight through, failures to the fallback. */
    private static final class PassThrough implements CircuitBreaker {
        @Override
        public <T> T run(Supplier<T> toRun, Function<Throwable, T> fallback) {
            try {
                return toRun.get();
            } catch (Throwable t) {
                return fallback.apply(t);
            }
        }
    }
}
