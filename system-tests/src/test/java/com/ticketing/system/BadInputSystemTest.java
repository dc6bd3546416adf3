package com.ticketing.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.ticketing.system.Gateway.auth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep of malformed requests across every route through the gateway: each gets a 4xx JSON error with a
 * code, never a 500 or a stack trace, and none changes state (the balance and holds of the user stay as they were).
 */
class BadInputSystemTest {

    private static long userId;
    private static Gateway.Session token;

    record Case(String method, String path, String body, boolean withToken) {
    }

    @BeforeAll
    static void admit() {
        userId = Gateway.randomUser();
        token = Gateway.admitted(userId);
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // Logged in: validation is what answers (a body needs a valid roomId; a userId must be the caller's).
        String[] badJson = {"{", "not json", "[]", "{\"userId\":}", "{\"userId\":\"abc\"}", "{\"userId\":-1}",
                "{\"userId\":0}", "{\"userId\":1.5}", "{\"userId\":99999999999999999999999}", "{\"userId\":4}",
                "{}", "{\"roomId\":0}", "{\"roomId\":-1}", "{\"roomId\":\"1\"}", "{\"roomId\":1.5}",
                "{\"roomId\":99999999999999999999}", "{\"roomId\":1,\"userId\":4}"};
        for (String b : badJson) {
            c.add(new Case("POST", "/v1/api/queue/token", b, true));
        }
        c.add(new Case("POST", "/v1/api/queue/token", "{\"userId\":1}", false));
        String u = Long.toString(userId);
        for (String b : new String[]{"{", "{\"userId\":" + u + "}", "{\"userId\":" + u + ",\"amount\":-5}",
                "{\"userId\":" + u + ",\"amount\":0}", "{\"userId\":" + u + ",\"amount\":\"ten\"}",
                "{\"userId\":" + u + ",\"amount\":1.5}", "{\"userId\":" + u + ",\"amount\":9223372036854775808}",
                "{\"userId\":" + u + ",\"amount\":100000000000}", "{\"userId\":-3,\"amount\":100}",
                "{\"userId\":999999999,\"amount\":100}", "{\"amount\":-1}"}) {
            c.add(new Case("POST", "/v1/api/user/amount", b, true));
        }
        c.add(new Case("POST", "/v1/api/user/amount", "{\"amount\":100}", false));
        for (String q : new String[]{"?userId=abc", "?userId=-1", "?userId=0",
                "?userId=99999999999999999999", "?userId=999999999"}) {
            c.add(new Case("GET", "/v1/api/user/amount" + q, null, true));
        }
        c.add(new Case("GET", "/v1/api/user/amount", null, false));
        for (String q : new String[]{"", "?scheduleId=", "?scheduleId=x", "?scheduleId=-1", "?scheduleId=99999999"}) {
            c.add(new Case("GET", "/v1/api/concerts/seat" + q, null, true));
        }
        for (String b : new String[]{"{", "{\"scheduleId\":1}", "{\"scheduleId\":\"a\",\"seatId\":1}",
                "{\"scheduleId\":-1,\"seatId\":1}", "{\"scheduleId\":1,\"seatId\":0}", "{\"scheduleId\":1,\"seatId\":51}",
                "{\"scheduleId\":1,\"seatId\":99999999999999999999}"}) {
            c.add(new Case("POST", "/v1/api/concerts/reserve", b, true));
        }
        for (String b : new String[]{"{", "{}", "{\"reservationId\":\"x\"}", "{\"reservationId\":-1}",
                "{\"reservationId\":999999999}"}) {
            c.add(new Case("POST", "/v1/api/concerts/payment", b, true));
        }
        c.add(new Case("GET", "/v1/api/concerts/reservations/abc", null, true));
        c.add(new Case("GET", "/v1/api/concerts/payment/-1", null, true));
        c.add(new Case("GET", "/v1/api/concerts/schedule", null, false));
        c.add(new Case("POST", "/v1/api/concerts/reserve", "{\"scheduleId\":1,\"seatId\":1}", false));
        c.add(new Case("POST", "/internal/users/" + u + "/debits", "{\"paymentId\":1,\"amount\":1}", false));
        c.add(new Case("POST", "/v1/api/queue/token", "{\"userId\":1,\"pad\":\"" + "x".repeat(20_000) + "\"}", false));
        return c;
    }

    @Test
    void shouldAnswerEveryMalformedRequestWith4xxJsonAndChangeNothing() {
        long balanceBefore = Purchases.balance(token);
        List<String> failures = new ArrayList<>();
        List<Case> all = cases();
        for (Case k : all) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Gateway.URL + k.path()))
                    .header("Content-Type", "application/json")
                    .method(k.method(), k.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(k.body()));
            Gateway.Response r = Gateway.send(b, k.withToken() ? auth(token) : Map.of());
            boolean ok = r.status() >= 400 && r.status() < 500 && !r.errorCode().isEmpty()
                    && !r.raw().contains("Exception") && !r.raw().contains("\tat ");
            if (!ok) {
                failures.add(k.method() + " " + k.path() + " " + abbreviate(k.body()) + " -> " + r.status() + " " + abbreviate(r.raw()));
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(40);
        assertThat(failures).as("requests not answered with a 4xx JSON error").isEmpty();
        assertThat(Purchases.balance(token)).as("no bad request changed the balance").isEqualTo(balanceBefore);
        Gateway.Response mine = Gateway.get("/v1/api/concerts/seat?scheduleId=1", auth(token));
        assertThat(mine.status()).isEqualTo(200);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
