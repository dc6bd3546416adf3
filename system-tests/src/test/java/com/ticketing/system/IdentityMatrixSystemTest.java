package com.ticketing.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import static com.ticketing.system.Gateway.auth;
import static com.ticketing.system.Gateway.bearer;
import static com.ticketing.system.Gateway.get;
import static com.ticketing.system.Gateway.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No user can read or change another user's data by any route (DESIGN §6). The routes come from the running
 * gateway itself ({@code /actuator/gateway/routes}); every one must have a rule here, so a new route without one
 * fails the build. For each route that reads or changes a user's data, user B's credentials on user A's resource get
 * 401/403/404 and A's data is unchanged afterwards.
 */
class IdentityMatrixSystemTest {

    /** A's world: logged in, admitted, charged, two seats held. */
    private record Victim(Gateway.Session session, Purchases.Hold first, Purchases.Hold second, long balance) {
    }

    /** The local stack's operator account (role ADMIN). */
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = System.getProperty("admin.password", "admin-dev-password");

    @Test
    void shouldRefuseUserBOnUserAsDataThroughEveryRoute() {
        long aId = Gateway.randomUser();
        // A and B wait in the room of the schedule A holds in (admission to a room admits to that schedule only).
        long schedule = Purchases.roomiestSchedule(Gateway.admitted(aId));
        Gateway.Session a = Gateway.admitted(aId, schedule);
        Purchases.Hold first = Purchases.holdAnySeat(a, schedule);
        Purchases.Hold second = Purchases.holdAnySeat(a, schedule);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        assertThat(Purchases.charge(a, first.price() + second.price()).status()).isEqualTo(200);
        Victim victim = new Victim(a, first, second, Purchases.balance(a));
        long bId;
        do {
            bId = Gateway.randomUser();
        } while (bId == a.userId());
        Gateway.Session b = Gateway.admitted(bId, schedule);

        Map<String, Function<Context, List<String>>> rules = rules();
        List<String> routes = gatewayRoutes();
        List<String> failures = new ArrayList<>();
        Context context = new Context(victim, b);
        for (String route : new TreeSet<>(routes)) {
            Function<Context, List<String>> rule = ruleFor(rules, route);
            if (rule == null) {
                failures.add(route + ": no rule in IdentityMatrixSystemTest (a new route must say who may use it)");
            }
        }
        // In a fixed order: the payment rules pay A's first hold, which frees A's admission slot.
        for (Map.Entry<String, Function<Context, List<String>>> rule : rules.entrySet()) {
            if (routes.stream().anyMatch(r -> matches(rule.getKey(), r))) {
                rule.getValue().apply(context).forEach(f -> failures.add(rule.getKey() + ": " + f));
            }
        }
        assertThat(failures).as("cross-user matrix over routes " + routes).isEmpty();
        assertThat(routes).contains("queue-token-issue", "queue", "admin", "user", "concert", "reservation",
                "reservation-read", "payment", "payment-read", "auth", "user-sign-up");
        System.out.printf("identity matrix: %d routes checked, user %d on user %d's data refused everywhere%n",
                routes.size(), b.userId(), a.userId());
    }

    /** What the rules work on. */
    private static final class Context {
        final Victim a;
        final Gateway.Session b;
        long paymentId;

        Context(Victim a, Gateway.Session b) {
            this.a = a;
            this.b = b;
        }

        /** B's login with A's waiting-room token. */
        Map<String, String> bWithAsQueueToken() {
            return Map.of("Authorization", "Bearer " + b.accessToken(), "X-Queue-Token", a.session().queueToken());
        }
    }

    private static Map<String, Function<Context, List<String>>> rules() {
        Map<String, Function<Context, List<String>>> rules = new LinkedHashMap<>();
        rules.put("auth", c -> {
            // Login endpoints: public. /userinfo answers only about the token's own user.
            List<String> f = new ArrayList<>();
            Gateway.Response me = get("/userinfo", bearer(c.b));
            expect(f, me.status() == 200 && me.body().path("sub").asText().equals(Long.toString(c.b.userId())),
                    "/userinfo with B's token answered " + me.status() + " " + me.raw());
            return f;
        });
        rules.put("user-sign-up", c -> {
            List<String> f = new ArrayList<>();
            Gateway.Response taken = post("/v1/api/user/accounts",
                    "{\"username\":\"user" + c.a.session().userId() + "\",\"password\":\"another-password-123\"}", Map.of());
            expect(f, taken.status() == 409, "sign-up as A's username answered " + taken.status() + " " + taken.raw());
            Login.demoUser(c.a.session().userId()); // A's account and password are unchanged
            return f;
        });
        rules.put("queue-token-issue", c -> {
            List<String> f = new ArrayList<>();
            Gateway.Response asA = post("/v1/api/queue/token", "{\"userId\":" + c.a.session().userId()
                    + ",\"roomId\":" + c.a.session().roomId() + "}", bearer(c.b));
            expect(f, asA.status() == 403, "B issuing a token for A answered " + asA.status());
            expect(f, "PROGRESS".equals(check(c.a.session())), "A is still admitted");
            return f;
        });
        rules.put("queue", c -> {
            List<String> f = new ArrayList<>();
            Gateway.Response check = post("/v1/api/queue/token/check", null, c.bWithAsQueueToken());
            expect(f, check.status() == 401, "B checking A's token answered " + check.status());
            Gateway.Response leave = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.URL + "/v1/api/queue/token"))
                    .DELETE(), c.bWithAsQueueToken());
            expect(f, leave.status() == 401, "B removing A from the line answered " + leave.status());
            expect(f, "PROGRESS".equals(check(c.a.session())), "A is still admitted after B's attempts");
            return f;
        });
        rules.put("admin", c -> {
            // The waiting rooms' operations: role ADMIN only (anonymous 401, a user 403, an admin passes).
            List<String> f = new ArrayList<>();
            Gateway.Response anonymous = get("/v1/api/admin/rooms");
            expect(f, anonymous.status() == 401, "anonymous on the admin API answered " + anonymous.status());
            Gateway.Response user = get("/v1/api/admin/rooms", bearer(c.b));
            expect(f, user.status() == 403 && "FORBIDDEN".equals(user.errorCode()),
                    "a user on the admin API answered " + user.status() + " " + user.raw());
            Gateway.Response pause = post("/v1/api/admin/rooms/" + c.a.session().roomId() + "/pause", null, bearer(c.b));
            expect(f, pause.status() == 403, "a user pausing A's room answered " + pause.status());
            String admin = Login.as(ADMIN, ADMIN_PASSWORD).accessToken();
            Gateway.Response rooms = get("/v1/api/admin/rooms", Map.of("Authorization", "Bearer " + admin));
            expect(f, rooms.status() == 200 && rooms.data().isArray(),
                    "the admin listing the rooms answered " + rooms.status() + " " + rooms.raw());
            expect(f, "PROGRESS".equals(check(c.a.session())), "A is still admitted (the room was not paused)");
            return f;
        });
        rules.put("user", c -> {
            List<String> f = new ArrayList<>();
            long aId = c.a.session().userId();
            Gateway.Response read = get("/v1/api/user/amount?userId=" + aId, bearer(c.b));
            expect(f, read.status() == 403, "B reading A's balance answered " + read.status());
            Gateway.Response charge = post("/v1/api/user/amount", "{\"userId\":" + aId + ",\"amount\":1000}", bearer(c.b));
            expect(f, charge.status() == 403, "B charging A's balance answered " + charge.status());
            expect(f, Purchases.balance(c.a.session()) == c.a.balance(), "A's balance unchanged");
            return f;
        });
        rules.put("concert", c -> {
            // The catalog is shared data; only admitted users see it, and only with their own waiting-room token.
            List<String> f = new ArrayList<>();
            Gateway.Response seats = get("/v1/api/concerts/seat?scheduleId=" + c.a.first().scheduleId(), c.bWithAsQueueToken());
            expect(f, seats.status() == 401, "B with A's waiting-room token answered " + seats.status());
            return f;
        });
        rules.put("reservation", c -> {
            List<String> f = new ArrayList<>();
            Gateway.Response withAsToken = post("/v1/api/concerts/reserve", "{\"scheduleId\":" + c.a.second().scheduleId()
                    + ",\"seatId\":" + c.a.second().seatId() + "}", c.bWithAsQueueToken());
            expect(f, withAsToken.status() == 401, "B holding with A's waiting-room token answered " + withAsToken.status());
            Gateway.Response asSelf = post("/v1/api/concerts/reserve", "{\"scheduleId\":" + c.a.second().scheduleId()
                    + ",\"seatId\":" + c.a.second().seatId() + "}", auth(c.b));
            expect(f, asSelf.status() == 409, "B holding A's held seat answered " + asSelf.status());
            expect(f, "HELD".equals(Purchases.reservationStatus(c.a.session(), c.a.second().reservationId())),
                    "A's hold unchanged");
            return f;
        });
        rules.put("reservation-read", c -> {
            List<String> f = new ArrayList<>();
            Gateway.Response read = get("/v1/api/concerts/reservations/" + c.a.second().reservationId(), bearer(c.b));
            expect(f, read.status() == 404, "B reading A's reservation answered " + read.status());
            return f;
        });
        rules.put("payment", c -> {
            List<String> f = new ArrayList<>();
            long before = Purchases.balance(c.a.session());
            Gateway.Response withAsToken = post("/v1/api/concerts/payment",
                    "{\"reservationId\":" + c.a.second().reservationId() + "}", c.bWithAsQueueToken());
            expect(f, withAsToken.status() == 401, "B paying with A's waiting-room token answered " + withAsToken.status());
            Gateway.Response asSelf = post("/v1/api/concerts/payment",
                    "{\"reservationId\":" + c.a.second().reservationId() + "}", auth(c.b));
            expect(f, asSelf.status() == 404 || asSelf.status() == 409,
                    "B paying A's reservation answered " + asSelf.status() + " " + asSelf.raw());
            expect(f, Purchases.balance(c.a.session()) == before, "A's balance unchanged by B's attempts");
            expect(f, "HELD".equals(Purchases.reservationStatus(c.a.session(), c.a.second().reservationId())),
                    "A's second hold still HELD");
            // A pays the first hold: the payment B then tries to read.
            Gateway.Response paid = Purchases.pay(c.a.session(), c.a.first().reservationId());
            expect(f, paid.status() == 200, "A's own payment answered " + paid.status() + " " + paid.raw());
            c.paymentId = paid.data().path("paymentId").asLong();
            return f;
        });
        rules.put("payment-read", c -> {
            List<String> f = new ArrayList<>();
            Gateway.Response read = get("/v1/api/concerts/payment/" + c.paymentId, bearer(c.b));
            expect(f, read.status() == 404, "B reading A's payment answered " + read.status());
            Gateway.Response own = get("/v1/api/concerts/payment/" + c.paymentId, bearer(c.a.session()));
            expect(f, own.status() == 200, "A reading A's payment answered " + own.status());
            return f;
        });
        rules.put("api-docs-*", c -> List.of()); // documentation: public, no user data
        rules.put("bench-*", c -> List.of());    // benchmark ceilings (bench profile only): /ping, no user data
        return rules;
    }

    /**
     * Admission to a room admits to that schedule only: a user admitted to room 1 cannot hold a seat of schedule 2
     * (403 QUEUE_NOT_ADMITTED, nothing held), nor pay a hold of schedule 2 with room 1's token (403, nothing debited,
     * the hold stays HELD).
     */
    @Test
    void shouldRefuseHoldsAndPaymentsOnAnotherSchedulesRoom() {
        long userId = Gateway.randomUser();
        Gateway.Session room1 = Gateway.admitted(userId, 1);
        // Another schedule with seats left (earlier tests sell some): the catalog, readable with any admission.
        long other = 0;
        for (JsonNode schedule : get("/v1/api/concerts/schedule", auth(room1)).data()) {
            long id = schedule.path("scheduleId").asLong();
            if (id != 1 && id <= 24 && schedule.path("availableSeats").asLong() >= 2 && id > other) {
                other = id;
            }
        }
        assertThat(other).as("a schedule of rooms 2..24 with two seats left").isPositive();
        long schedule2 = other;
        Gateway.Session room2 = Gateway.admitted(userId, schedule2);
        long seatId = 0;
        for (JsonNode seat : get("/v1/api/concerts/seat?scheduleId=" + schedule2, auth(room2)).data()) {
            if ("AVAILABLE".equals(seat.path("status").asText())) {
                seatId = seat.path("seatId").asLong();
                break;
            }
        }
        assertThat(seatId).as("an available seat of schedule %d", schedule2).isPositive();

        Gateway.Response seats = get("/v1/api/concerts/seat?scheduleId=" + schedule2, auth(room1));
        assertThat(seats.status()).as(seats.raw()).isEqualTo(403);
        assertThat(seats.errorCode()).isEqualTo("QUEUE_NOT_ADMITTED");
        Gateway.Response crossHold = post("/v1/api/concerts/reserve",
                "{\"scheduleId\":" + schedule2 + ",\"seatId\":" + seatId + "}", auth(room1));
        assertThat(crossHold.status()).as(crossHold.raw()).isEqualTo(403);
        assertThat(crossHold.errorCode()).isEqualTo("QUEUE_NOT_ADMITTED");
        assertThat(Purchases.seatStatus(room2, schedule2, seatId)).as("nothing held").isEqualTo("AVAILABLE");

        Purchases.Hold hold = Purchases.holdAnySeat(room2, schedule2);
        assertThat(hold).isNotNull();
        assertThat(Purchases.charge(room1, hold.price()).status()).isEqualTo(200);
        long balance = Purchases.balance(room1);
        Gateway.Response crossPay = Purchases.pay(room1, hold.reservationId());
        assertThat(crossPay.status()).as(crossPay.raw()).isEqualTo(403);
        assertThat(crossPay.errorCode()).isEqualTo("QUEUE_NOT_ADMITTED");
        assertThat(Purchases.balance(room1)).as("nothing debited").isEqualTo(balance);
        assertThat(Purchases.reservationStatus(room2, hold.reservationId())).isEqualTo("HELD");
        assertThat(check(room2)).as("still admitted to room 2").isEqualTo("PROGRESS");
    }

    private static Function<Context, List<String>> ruleFor(Map<String, Function<Context, List<String>>> rules, String route) {
        return rules.entrySet().stream().filter(e -> matches(e.getKey(), route)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static boolean matches(String rule, String route) {
        return rule.endsWith("*") ? route.startsWith(rule.substring(0, rule.length() - 1)) : rule.equals(route);
    }

    private static String check(Gateway.Session s) {
        return post("/v1/api/queue/token/check", null, auth(s)).data().path("status").asText();
    }

    private static void expect(List<String> failures, boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    /** The route ids the running gateway has, from its actuator (management port). */
    private static List<String> gatewayRoutes() {
        Gateway.Response r = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.MANAGEMENT_URL
                + "/actuator/gateway/routes")).GET(), Map.of());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode route : r.body()) {
            ids.add(route.path("route_id").asText());
        }
        assertThat(ids).isNotEmpty();
        return ids;
    }
}
