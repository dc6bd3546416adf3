package com.ticketing.queue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP calls against the running service (JDK client). */
public final class QueueHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public QueueHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Token issue in {@code roomId} as the gateway forwards it for a logged-in {@code userId}. */
    public Reply issue(long userId, long roomId) {
        return postJson("/v1/api/queue/token", "{\"roomId\":" + roomId + "}", userId);
    }

    /** An operations-API call as the gateway forwards it: {@code roles} null = no login at all. */
    public Reply admin(String method, String path, String body, long userId, String roles) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (roles != null) {
            b.header("X-User-Id", Long.toString(userId));
            if (!roles.isEmpty()) {
                b.header("X-User-Roles", roles);
            }
        }
        return send(b);
    }

    public Reply get(String path, long userId) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-User-Id", Long.toString(userId)).GET());
    }

    /** A POST with the gateway's identity header for {@code userId} (none when {@code userId} is 0). */
    public Reply postJson(String path, String body, long userId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (userId > 0) {
            b.header("X-User-Id", Long.toString(userId));
        }
        return send(b);
    }

    /** A check by the user the token names (read from its payload, unverified: the service verifies it). */
    public Reply check(String queueToken) {
        return check(queueToken, subjectOf(queueToken));
    }

    public Reply check(String queueToken, long userId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/api/queue/token/check"))
                .header("X-User-Id", Long.toString(userId))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (queueToken != null) {
            b.header("X-Queue-Token", queueToken);
        }
        return send(b);
    }

    public Reply leave(String queueToken) {
        return leave(queueToken, subjectOf(queueToken));
    }

    public Reply leave(String queueToken, long userId) {
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/api/queue/token"))
                .header("X-User-Id", Long.toString(userId))
                .header("X-Queue-Token", queueToken).DELETE());
    }

    /** The {@code sub} of a JWT's payload, or 1 when it has none readable. */
    static long subjectOf(String token) {
        try {
            String jwt = token.startsWith("Bearer ") ? token.substring(7) : token;
            JsonNode payload = JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            return Long.parseLong(payload.get("sub").asString());
        } catch (RuntimeException unreadable) {
            return 1;
        }
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Reply(r.statusCode(), body, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        public JsonNode data() {
            return body.get("data");
        }

        public String errorCode() {
            return body.get("error").get("code").asString();
        }

        public String token() {
            return data().get("queueToken").asString();
        }
    }
}
