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
    record Buyer(long userId, Gateway.Session token, Hold hold, long balance) {
    }

    private Purchases() {
    }

    /**
     * Holds the first available seat of {@code scheduleId} (retrying on 409); null when none is left. {@code token} must
     * be admitted to the schedule's room.
     */
    static Hold holdAnySeat(Gateway.Session token, long scheduleId) {
        if (token.roomId() != scheduleId) {
            throw new AssertionError("holding on schedule " + scheduleId + " needs its room, not room " + token.roomId());
        }
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

    /**
     * A new user who holds a seat of the roomiest schedule and can pay for it: admitted to that schedule's room (the
     * schedule list, read first, needs an admission to any room).
     */
    static Buyer buyer() {
        long userId = Gateway.randomUser();
        long schedule = roomiestSchedule(Gateway.admitted(userId));
        Gateway.Session token = Gateway.admitted(userId, schedule);
        Hold hold = holdAnySeat(token, schedule);
        if (hold == null) {
            throw new AssertionError("no seat left to hold");
        }
        Gateway.Response charged = charge(token, hold.price());
        if (charged.status() != 200) {
            throw new AssertionError("charge answered " + charged.raw());
        }
        return new Buyer(userId, token, hold, balance(token));
    }

    /** The schedule with the most available seats. */
    static long roomiestSchedule(Gateway.Session token) {
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

    /** The logged-in user's own balance. */
    static long balance(Gateway.Session session) {
        Gateway.Response r = get("/v1/api/user/amount", Gateway.bearer(session));
        if (r.status() != 200) {
            throw new AssertionError("balance answered " + r.status() + " " + r.raw());
        }
        return r.data().path("balance").asLong();
    }

    /** Tops up the logged-in user's own balance. */
    static Gateway.Response charge(Gateway.Session session, long amount) {
        return post("/v1/api/user/amount", "{\"amount\":" + amount + "}", Gateway.bearer(session));
    }

    static Gateway.Response pay(Gateway.Session token, long reservationId) {
        return post("/v1/api/concerts/payment", "{\"reservationId\":" + reservationId + "}", auth(token));
    }

    /** The seat's status in the seat list, read by {@code token}'s user admitted to the schedule's room. */
    static String seatStatus(Gateway.Session token, long scheduleId, long seatId) {
        Gateway.Session viewer = Gateway.inRoom(token, scheduleId);
        for (JsonNode seat : get("/v1/api/concerts/seat?scheduleId=" + scheduleId, auth(viewer)).data()) {
            if (seat.path("seatId").asLong() == seatId) {
                return seat.path("status").asText();
            }
        }
        return "";
    }

    static String reservationStatus(Gateway.Session token, long reservationId) {
        return get("/v1/api/concerts/reservations/" + reservationId, Gateway.bearer(token)).data().path("status").asText();
    }
}
