package com.ticketing.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.ticketing.system.Gateway.auth;
import static com.ticketing.system.Gateway.get;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole saga on the real stack: queue, hold, charge, pay, then the events settle everywhere. */
class PurchaseSystemTest {

    @Test
    void shouldBuyASeatAndSettleTheSagaEverywhere() {
        long userId = Gateway.randomUser();
        // Admission to a room admits to its schedule only: the user reads the list (any room), then joins the room of
        // the schedule it books.
        long schedule = Purchases.roomiestSchedule(Gateway.admitted(userId));
        Gateway.Session token = Gateway.admitted(userId, schedule);

        Purchases.Hold hold = Purchases.holdAnySeat(token, schedule);
        assertThat(hold).as("an available seat").isNotNull();
        Gateway.await("seat shown HELD", Duration.ofSeconds(30),
                () -> Purchases.seatStatus(token, hold.scheduleId(), hold.seatId()).equals("HELD"));

        long before = Purchases.balance(token);
        Gateway.Response charged = Purchases.charge(token, hold.price());
        assertThat(charged.status()).as(charged.raw()).isEqualTo(200);
        assertThat(charged.data().path("balance").asLong()).isEqualTo(before + hold.price());

        Gateway.Response paid = Purchases.pay(token, hold.reservationId());
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(paid.data().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(paid.data().path("amount").asLong()).isEqualTo(hold.price());
        assertThat(paid.data().path("balance").asLong()).isEqualTo(before);
        assertThat(Purchases.balance(token)).isEqualTo(before);

        Gateway.Response again = Purchases.pay(token, hold.reservationId());
        assertThat(again.status()).as("a reservation is paid at most once: " + again.raw()).isIn(403, 409);
        assertThat(Purchases.balance(token)).isEqualTo(before);

        // PaymentCompleted -> ReservationConfirmed -> seat SOLD; and the queue frees the user's active slot.
        Gateway.await("reservation CONFIRMED", Duration.ofSeconds(60), () -> "CONFIRMED".equals(
                get("/v1/api/concerts/reservations/" + hold.reservationId(), Gateway.bearer(token)).data().path("status").asText()));
        Gateway.await("active slot freed", Duration.ofSeconds(60),
                () -> get("/v1/api/concerts/schedule", auth(token)).status() == 403);
        // The user's own payment and reservation stay readable with the login alone once the slot is freed.
        long paymentId = paid.data().path("paymentId").asLong();
        Gateway.Response payment = get("/v1/api/concerts/payment/" + paymentId, Gateway.bearer(token));
        assertThat(payment.status()).as(payment.raw()).isEqualTo(200);
        assertThat(payment.data().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(get("/v1/api/concerts/reservations/" + hold.reservationId(), Gateway.bearer(token)).status()).isEqualTo(200);
        Gateway.Session other = Gateway.admitted(Gateway.randomUser());
        Gateway.await("seat shown SOLD", Duration.ofSeconds(60),
                () -> Purchases.seatStatus(other, hold.scheduleId(), hold.seatId()).equals("SOLD"));
    }
}
