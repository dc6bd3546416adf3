package com.ticketing.system;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** A small HTTP client for the gateway of the running stack. */
final class Gateway {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String URL = System.getProperty("gateway.url", "http://127.0.0.1:8080");
    /** The gateway's actuator: its own port, on loopback only. */
    static final String MANAGEMENT_URL = System.getProperty("gateway.management.url", "http://127.0.0.1:8079");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    record Response(int status, JsonNode body, String raw, HttpResponse<String> http, long millis) {
        JsonNode data() {
            return body.path("data");
        }

        String errorCode() {
            return body.path("error").path("code").asText("");
        }
    }

    private Gateway() {
    }

    static Response get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(URL + path)).GET(), headers);
    }

    static Response get(String path) {
        return get(path, Map.of());
    }

    static Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + path))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b, headers);
    }

    static Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    static Response send(HttpRequest.Builder builder, Map<String, String> headers) {
        headers.forEach(builder::header);
        builder.timeout(Duration.ofSeconds(15));
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            long ms = (System.nanoTime() - start) / 1_000_000;
            JsonNode body;
            try {
                body = r.body() == null || r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            } catch (RuntimeException notJson) {
                body = JSON.createObjectNode();
            }
            return new Response(r.statusCode(), body, r.body(), r, ms);
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The room {@link #admitted(long)} joins: schedule 1's, the first of the schedule list (a room per schedule; the
     * local stack opens demo rooms 1..24 for the open demo schedules 1..24).
     */
    static final long DEFAULT_ROOM = 1;

    /**
     * A logged-in user: the access token, and (once in a waiting room) the waiting-room token of room {@code roomId}
     * (0: none). Admission to a room admits to that schedule only: its seats, holds and payments. Its headers are what
     * a client sends: {@code Authorization: Bearer <access token>} and {@code X-Queue-Token}.
     */
    record Session(long userId, String accessToken, String queueToken, long roomId) {
        Session withQueueToken(String token, long room) {
            return new Session(userId, accessToken, token, room);
        }
    }

    /** The body of a token issue: {@code {"roomId": <room>}}. */
    static String roomBody(long roomId) {
        return "{\"roomId\":" + roomId + "}";
    }

    /** The headers of a session. */
    static Map<String, String> auth(Session session) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + session.accessToken());
        if (session.queueToken() != null) {
            headers.put("X-Queue-Token", session.queueToken());
        }
        return headers;
    }

    /** Only the login (no waiting-room token). */
    static Map<String, String> bearer(Session session) {
        return Map.of("Authorization", "Bearer " + session.accessToken());
    }

    /** A user id unlikely to be used by another test run (the demo data has users 1..100,000). */
    static long randomUser() {
        return ThreadLocalRandom.current().nextLong(20_000, 100_001);
    }

    private static final Map<Long, Session> LOGINS = new ConcurrentHashMap<>();
    private static final Map<Long, Long> LOGGED_IN_AT = new ConcurrentHashMap<>();

    /** The demo user {@code userId} logged in (one login per user, renewed after 5 minutes; tokens live 10). */
    static Session login(long userId) {
        long now = System.currentTimeMillis();
        Long at = LOGGED_IN_AT.get(userId);
        if (at == null || now - at > 300_000) {
            LOGINS.put(userId, new Session(userId, Login.demoUser(userId).accessToken(), null, 0));
            LOGGED_IN_AT.put(userId, now);
        }
        return LOGINS.get(userId);
    }

    /** {@link #admitted(long, long)} in the {@link #DEFAULT_ROOM}: enough for the schedule list and schedule 1. */
    static Session admitted(long userId) {
        return admitted(userId, DEFAULT_ROOM);
    }

    /** The rooms this JVM joined per user, oldest first (a user may wait in at most 3 rooms at once). */
    private static final Map<Long, LinkedHashMap<Long, Session>> JOINED = new ConcurrentHashMap<>();

    /**
     * Logs {@code userId} in, joins the waiting room of schedule {@code roomId} (idempotent per user and room) and
     * polls until admitted; returns the session, whose waiting-room token admits to that schedule only. Should the
     * user already wait in 3 rooms (409 {@code TOO_MANY_ROOMS}), it first leaves the one joined longest ago here.
     */
    static Session admitted(long userId, long roomId) {
        Session session = login(userId);
        Response issued = issue(session, roomId);
        if (issued.status() == 409 && "TOO_MANY_ROOMS".equals(issued.errorCode()) && leaveOldestRoom(userId)) {
            issued = issue(session, roomId);
        }
        if (issued.status() != 200) {
            throw new AssertionError("token issue in room " + roomId + " answered " + issued.status() + " " + issued.raw());
        }
        Session waiting = session.withQueueToken(issued.data().path("queueToken").asText(), roomId);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Response check = post("/v1/api/queue/token/check", null, auth(waiting));
            if (check.status() == 200 && "PROGRESS".equals(check.data().path("status").asText())) {
                synchronized (JOINED) {
                    LinkedHashMap<Long, Session> rooms = JOINED.computeIfAbsent(userId, u -> new LinkedHashMap<>());
                    rooms.remove(roomId);
                    rooms.put(roomId, waiting);
                }
                return waiting;
            }
            sleep(500);
        }
        throw new AssertionError("user " + userId + " was not admitted to room " + roomId + " within 60 s");
    }

    /** A token issue in {@code roomId}, waiting out the gateway's per-user rate limit (429, Retry-After) a few times. */
    private static Response issue(Session session, long roomId) {
        Response issued = post("/v1/api/queue/token", roomBody(roomId), bearer(session));
        for (int attempt = 0; attempt < 5 && issued.status() == 429; attempt++) {
            sleep(1000L * issued.http().headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
            issued = post("/v1/api/queue/token", roomBody(roomId), bearer(session));
        }
        return issued;
    }

    /**
     * {@code session} if it is admitted to {@code roomId}'s room, else the same user's admission there: the one this
     * JVM got before, or a new one (token issue is rate limited per user: polling loops must not issue each time).
     */
    static Session inRoom(Session session, long roomId) {
        if (session.roomId() == roomId) {
            return session;
        }
        synchronized (JOINED) {
            LinkedHashMap<Long, Session> rooms = JOINED.get(session.userId());
            if (rooms != null && rooms.containsKey(roomId)) {
                return rooms.get(roomId);
            }
        }
        return admitted(session.userId(), roomId);
    }

    private static boolean leaveOldestRoom(long userId) {
        Session oldest;
        synchronized (JOINED) {
            LinkedHashMap<Long, Session> rooms = JOINED.get(userId);
            if (rooms == null || rooms.isEmpty()) {
                return false;
            }
            oldest = rooms.remove(rooms.keySet().iterator().next());
        }
        send(HttpRequest.newBuilder(URI.create(URL + "/v1/api/queue/token")).DELETE(), auth(oldest));
        return true;
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for: " + what);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
