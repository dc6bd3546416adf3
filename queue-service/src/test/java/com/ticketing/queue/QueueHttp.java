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

    public Reply issue(long userId) {
        return postJson("/v1/api/queue/token", "{\"userId\":" + userId + "}");
    }

    public Reply postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply check(String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/v1/api/queue/token/check"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    public Reply leave(String authorization) {
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/api/queue/token"))
                .header("Authorization", authorization).DELETE());
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
