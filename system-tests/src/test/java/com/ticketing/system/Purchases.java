package com.ticketing.system;

import tools.jackson.databind.JsonNode;

import static com.ticketing.system.Gateway.auth;
import static com.ticketing.system.Gateway.get;
import static com.ticketing.system.Gateway.post;

/** The steps of a purchase through the gateway, shared by the system tests. */
final class Purchases {

    record Hold(long reservationId, long scheduleId, long seatId, long price) {
    }

    /** An admitted user holding one seat, charged its price; {@code balance} is after the charge. */
    record Buyer(long userId, String token, Hold hold, long balance) {
    }

    private Purchases() {
    }

    /** Holds the first available seat of {@code scheduleId} (retrying on 409); null when none is left. */
    static Hold holdAnySeat(String token, long scheduleId) {
        for (JsonNode seat : get("/v1/api/concerts/seat?scheduleId=" + scheduleId, auth(token)).data()) {
            if (!"AVAILABLE".equals(seat.path("status").asText())) {
                continue;
            }
            Gateway.Response held = post("/v1/api/concerts/reserve",
                    "{\"scheduleId\":" + scheduleId + ",\"seatId\":" + seat.path("seatId").asLong() + "}", auth(token));
            if (held.status() == 200) {
                JsonNode d = held.data();
                if (!"HELD".equals(d.path("status").asText())) {
                    throw new AssertionError("reserve answered " + held.raw());
                }
                return new Hold(d.path("reservationId").asLong(), scheduleId, d.path("seatId").asLong(),
                        d.path("price").asLong());
            }
            if (held.status() != 409) {
                throw new AssertionError("reserve answered " + held.status() + " " + held.raw());
            }
        }
        return null;
    }

    /** A new admitted user who holds a seat of the roomiest schedule and can pay for it. */
    static Buyer buyer() {
        long userId = Gateway.randomUser();
        String token = Gateway.admittedToken(userId);
        Hold hold = holdAnySeat(token, roomiestSchedule(token));
        if (hold == null) {
            throw new AssertionError("no seat left to hold");
        }
        Gateway.Response charged = charge(userId, hold.price());
        if (charged.status() != 200) {
            throw new AssertionError("charge answered " + charged.raw());
        }
        return new Buyer(userId, token, hold, balance(userId));
    }

    /** The schedule with the most available seats. */
    static long roomiestSchedule(String token) {
        long best = -1;
        int most = -1;
        for (JsonNode s : get("/v1/api/concerts/schedule", auth(token)).data()) {
            int available = s.path("availableSeats").asInt();
            if (available > most) {
                most = available;
                best = s.path("scheduleId").asLong();
            }
        }
        return best;
    }

    static long balance(long userId) {
        return get("/v1/api/user/amount?userId=" + userId).data().path("balance").asLong();
    }

    static Gateway.Response charge(long userId, long amount) {
        return post("/v1/api/user/amount", "{\"userId\":" + userId + ",\"amount\":" + amount + "}");
    }

    static Gateway.Response pay(String token, long reservationId) {
        return post("/v1/api/concerts/payment", "{\"reservationId\":" + reservationId + "}", auth(token));
    }

    static String seatStatus(String token, long scheduleId, long seatId) {
        for (JsonNode seat : get("/v1/api/concerts/seat?scheduleId=" + scheduleId, auth(token)).data()) {
            if (seat.path("seatId").asLong() == seatId) {
                return seat.path("status").asText();
            }
        }
        return "";
    }

    static String reservationStatus(String token, long reservationId) {
        return get("/v1/api/concerts/reservations/" + reservationId, auth(token)).data().path("status").asText();
    }
}
