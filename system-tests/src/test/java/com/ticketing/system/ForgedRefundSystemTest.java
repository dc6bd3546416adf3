package com.ticketing.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, race 3 on the real stack: a refund driven by a message alone. After a completed purchase, anyone who
 * can write to {@code reservation.events} (kafka-ui in the Compose stack can) publishes a
 * {@code ReservationConfirmationFailed} for the confirmed reservation, in the envelope the services use
 * ({@code common/.../event/EventEnvelope}), keyed by the reservation id like reservation-service's own events.
 * payment-service consumes it, asks reservation-service, finds the reservation CONFIRMED by that very payment,
 * and refunds nothing: the payment stays COMPLETED, the money stays paid, the seat stays SOLD.
 *
 * <p>The event is published with the broker's own console producer ({@code .run/kafka/lib}, see
 * {@code deploy/local/kafka.sh}).
 */
class ForgedRefundSystemTest {

    private static final String KAFKA = System.getProperty("kafka.bootstrap", "127.0.0.1:9092");

    @Test
    void shouldRefundNothingOnAForgedConfirmationFailureOfAConfirmedReservation() throws Exception {
        Purchases.Buyer buyer = Purchases.buyer();
        Purchases.Hold hold = buyer.hold();
        Gateway.Response paid = Purchases.pay(buyer.token(), hold.reservationId());
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        long paymentId = paid.data().path("paymentId").asLong();
        long balance = buyer.balance() - hold.price();
        Gateway.Session viewer = Gateway.admitted(Gateway.randomUser());
        Gateway.await("seat SOLD", Duration.ofSeconds(60),
                () -> "SOLD".equals(Purchases.seatStatus(viewer, hold.scheduleId(), hold.seatId())));
        assertThat(Purchases.reservationStatus(buyer.token(), hold.reservationId())).isEqualTo("CONFIRMED");
        double refusedBefore = refunds("refused");
        double refundedBefore = refunds("refunded");

        String eventId = UUID.randomUUID().toString();
        String envelope = "{\"eventId\":\"" + eventId + "\",\"type\":\"ReservationConfirmationFailed\","
                + "\"occurredAt\":\"" + Instant.now() + "\",\"aggregateId\":\"" + hold.reservationId() + "\","
                + "\"payload\":{\"reservationId\":" + hold.reservationId() + ",\"userId\":" + buyer.userId()
                + ",\"scheduleId\":" + hold.scheduleId() + ",\"seatId\":" + hold.seatId() + ",\"paymentId\":" + paymentId
                + ",\"reason\":\"FORCED_FAILURE\"}}";
        long publishedAt = System.currentTimeMillis(); // the console producer's start included
        publish("reservation.events", Long.toString(hold.reservationId()), envelope);

        Gateway.await("payment-service consumed the forged event and refused to refund",
                Duration.ofSeconds(30), () -> refunds("refused") >= refusedBefore + 1);
        long consumedAfter = System.currentTimeMillis() - publishedAt;
        Gateway.sleep(Math.max(0, 10_000 - (System.currentTimeMillis() - publishedAt)));

        JsonNode payment = LateDebitSystemTest.ownPayment(buyer, paymentId);
        assertThat(payment.path("status").asText()).as(payment.toString()).isEqualTo("COMPLETED");
        assertThat(refunds("refunded")).as("no refund").isEqualTo(refundedBefore);
        assertThat(Purchases.balance(buyer.token())).as("the money stays paid").isEqualTo(balance);
        assertThat(Purchases.seatStatus(viewer, hold.scheduleId(), hold.seatId())).isEqualTo("SOLD");
        assertThat(Purchases.reservationStatus(buyer.token(), hold.reservationId())).isEqualTo("CONFIRMED");
        Fences.assertNoMoneyTakenWithoutTicket(buyer.userId(), hold.reservationId());
        Fences.CheckRun check = Fences.assertReconciled(60);
        System.out.printf("forged ReservationConfirmationFailed %s for payment %d: consumed and refused %d ms after publishing began; "
                        + "10 s later the payment is COMPLETED, balance %d unchanged, seat SOLD; reconcile-check: %s%n",
                eventId, paymentId, consumedAfter, balance, LateDebitSystemTest.lastLine(check));
    }

    private static double refunds(String result) {
        return Fences.counter(Fences.PAYMENT_SERVICE, "payment.refunds", "result:" + result);
    }

    /** One record, with the broker's console producer (key and value separated by a tab). */
    private static void publish(String topic, String key, String value) throws Exception {
        Path lib = Fences.ROOT.resolve(".run/kafka/lib");
        assertThat(lib).as("the broker's jars (deploy/local/kafka.sh)").isDirectory();
        Path input = Files.createTempFile("forged-event-", ".txt");
        try {
            Files.writeString(input, key + "\t" + value + "\n", StandardCharsets.UTF_8);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // Kafka 4.1's console producer: --property for its line reader (key TAB value by default).
            Fences.CheckRun sent = Fences.run(Duration.ofSeconds(60), "bash", "-c",
                    "exec \"$0\" -Xmx128m -Dlog4j2.configurationFile=\"$5\" -cp \"$1/*\" "
                            + "org.apache.kafka.tools.ConsoleProducer --bootstrap-server \"$2\" --topic \"$3\" "
                            + "--property parse.key=true --producer-property acks=all < \"$4\"",
                    java, lib.toString(), KAFKA, topic, input.toString(),
                    Fences.ROOT.resolve("deploy/local/kafka/log4j2.xml").toString());
            assertThat(sent.exitCode()).as("console producer: " + sent.output()).isZero();
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
