package com.ticketing.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static com.ticketing.system.Gateway.auth;
import static com.ticketing.system.Gateway.get;
import static com.ticketing.system.Gateway.post;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole saga on the real stack: queue, hold, charge, pay, then the events settle everywhere. */
class PurchaseSystemTest {

    @Test
    void shouldBuyASeatAndSettleTheSagaEverywhere() {
        long userId = Gateway.randomUser();
        String token = Gateway.admittedToken(userId);

        JsonNode schedules = get("/v1/api/concerts/schedule", auth(token)).data();
        long scheduleId = schedules.get(schedules.size() - 1).path("scheduleId").asLong();

        Gateway.Response held = null;
        for (JsonNode seat : get("/v1/api/concerts/seat?scheduleId=" + scheduleId, auth(token)).data()) {
            if (!"AVAILABLE".equals(seat.path("status").asText())) {
                continue;
            }
            held = post("/v1/api/concerts/reserve",
                    "{\"scheduleId\":" + scheduleId + ",\"seatId\":" + seat.path("seatId").asLong() + "}", auth(token));
            if (held.status() == 200) {
                break;
            }
            assertThat(held.status()).as(held.raw()).isEqualTo(409);
        }
        assertThat(held).as("an available seat").isNotNull();
        assertThat(held.status()).as(held.raw()).isEqualTo(200);
        assertThat(held.data().path("status").asText()).isEqualTo("HELD");
        long reservationId = held.data().path("reservationId").asLong();
        long seatId = held.data().path("seatId").asLong();
        long price = held.data().path("price").asLong();

        Gateway.await("seat shown HELD", Duration.ofSeconds(30), () -> seatStatus(token, scheduleId, seatId).equals("HELD"));

        long before = get("/v1/api/user/amount?userId=" + userId).data().path("balance").asLong();
        Gateway.Response charged = post("/v1/api/user/amount", "{\"userId\":" + userId + ",\"amount\":" + price + "}");
        assertThat(charged.status()).as(charged.raw()).isEqualTo(200);
        assertThat(charged.data().path("balance").asLong()).isEqualTo(before + price);

        Gateway.Response paid = post("/v1/api/concerts/payment", "{\"reservationId\":" + reservationId + "}", auth(token));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(paid.data().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(paid.data().path("amount").asLong()).isEqualTo(price);
        assertThat(paid.data().path("balance").asLong()).isEqualTo(before);
        assertThat(get("/v1/api/user/amount?userId=" + userId).data().path("balance").asLong()).isEqualTo(before);

        Gateway.Response again = post("/v1/api/concerts/payment", "{\"reservationId\":" + reservationId + "}", auth(token));
        assertThat(again.status()).as("a reservation is paid at most once: " + again.raw()).isIn(403, 409);
        assertThat(get("/v1/api/user/amount?userId=" + userId).data().path("balance").asLong()).isEqualTo(before);

        // PaymentCompleted -> ReservationConfirmed -> seat SOLD; and the queue frees the user's active slot.
        Gateway.await("reservation CONFIRMED", Duration.ofSeconds(60), () -> {
            Gateway.Response r = get("/v1/api/concerts/reservations/" + reservationId, auth(token));
            return r.status() == 403 || "CONFIRMED".equals(r.data().path("status").asText());
        });
        Gateway.await("active slot freed", Duration.ofSeconds(60),
                () -> get("/v1/api/concerts/schedule", auth(token)).status() == 403);
        String other = Gateway.admittedToken(Gateway.randomUser());
        Gateway.await("seat shown SOLD", Duration.ofSeconds(60), () -> seatStatus(other, scheduleId, seatId).equals("SOLD"));
    }

    private static String seatStatus(String token, long scheduleId, long seatId) {
        for (JsonNode seat : get("/v1/api/concerts/seat?scheduleId=" + scheduleId, auth(token)).data()) {
            if (seat.path("seatId").asLong() == seatId) {
                return seat.path("status").asText();
            }
        }
        return "";
    }
}
