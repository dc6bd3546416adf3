package com.ticketing.system;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka stopped while payments complete: no request fails for it (outboxes keep the events), and once Kafka
 * is back every seat becomes SOLD, every reservation CONFIRMED and every active slot is freed.
 */
class KafkaOutageSystemTest {

    private static final int PAYMENTS = Integer.getInteger("kafka.outage.payments", 10);
    private static final long OUTAGE_MS = Long.getLong("kafka.outage.millis", 30_000);

    @Test
    void shouldLoseNothingWhileKafkaIsDown() {
        List<Purchases.Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            buyers.add(Purchases.buyer());
        }

        Stack.stop("kafka");
        long stopped = System.currentTimeMillis();
        try {
            for (Purchases.Buyer b : buyers) {
                long before = Purchases.balance(b.token());
                Gateway.Response paid = Purchases.pay(b.token(), b.hold().reservationId());
                assertThat(paid.status()).as("payment while Kafka is down: " + paid.raw()).isEqualTo(200);
                assertThat(Purchases.balance(b.token())).isEqualTo(before - b.hold().price());
            }
            long rest = OUTAGE_MS - (System.currentTimeMillis() - stopped);
            if (rest > 0) {
                Gateway.sleep(rest);
            }
            // nothing downstream of the events has happened yet
            for (Purchases.Buyer b : buyers) {
                assertThat(Purchases.reservationStatus(b.token(), b.hold().reservationId())).isEqualTo("PAYING");
            }
        } finally {
            Stack.start("kafka");
        }
        long back = System.currentTimeMillis();
        for (Purchases.Buyer b : buyers) {
            // Each seat is read by a viewer admitted to its schedule's room; a read that is not a seat list (the
            // viewer's session gone, a route refusing) is printed, and the next read takes a fresh viewer.
            long scheduleId = b.hold().scheduleId();
            java.util.concurrent.atomic.AtomicReference<Gateway.Session> viewer =
                    new java.util.concurrent.atomic.AtomicReference<>(Gateway.admitted(Gateway.randomUser(), scheduleId));
            java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("");
            try {
                Gateway.await("seat " + b.hold().seatId() + " SOLD after Kafka returned", Duration.ofSeconds(120), () -> {
                    Gateway.Response seats = Gateway.get("/v1/api/concerts/seat?scheduleId=" + scheduleId,
                            Gateway.auth(viewer.get()));
                    if (seats.status() != 200) {
                        if (!seats.raw().equals(last.getAndSet(seats.raw()))) {
                            System.out.printf("seat list of schedule %d answered %d %s%n", scheduleId, seats.status(), seats.raw());
                        }
                        viewer.set(Gateway.admitted(Gateway.randomUser(), scheduleId));
                        return false;
                    }
                    for (tools.jackson.databind.JsonNode seat : seats.data()) {
                        if (seat.path("seatId").asLong() == b.hold().seatId()) {
                            last.set(seat.toString());
                            return "SOLD".equals(seat.path("status").asText());
                        }
                    }
                    return false;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the seat last read: " + last.get(), e);
            }
            Gateway.await("active slot of user " + b.userId() + " freed", Duration.ofSeconds(60),
                    () -> Gateway.get("/v1/api/concerts/schedule", Gateway.auth(b.token())).status() == 403);
        }
        System.out.printf("Kafka outage of %d ms with %d payments: all settled %d ms after Kafka returned%n",
                back - stopped, buyers.size(), System.currentTimeMillis() - back);
    }
}
