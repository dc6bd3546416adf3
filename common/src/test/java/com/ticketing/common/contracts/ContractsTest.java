package com.ticketing.common.contracts;

import com.ticketing.common.event.EventJson;
import com.ticketing.common.event.EventTypes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    record PaymentCompleted(long paymentId, long reservationId, long userId, long amount, Long scheduleId) {
    }

    record Renamed(long paymentId, long reservationId, long userId, long price, Long scheduleId) {
    }

    @Test
    void shouldAcceptWhatHasTheSamplesShape() {
        Contracts.assertMatches("user-service/debit-answer", Map.of("userId", 1, "paymentId", 2, "balance", 3));
        Contracts.assertMatches("events/PaymentCompleted", Contracts.sample("events/PaymentCompleted",
                "eventId", "e-1", "payload.amount", 12_000L));
    }

    @Test
    void shouldRefuseARenamedField() {
        Contracts.assertMatches("events/PaymentCompleted", Contracts.sample("events/PaymentCompleted").set("payload",
                json.valueToTree(new PaymentCompleted(1, 2, 3, 4, 5L))));
        // scheduleId may be null (events from before waiting rooms)
        Contracts.assertMatches("events/PaymentCompleted", Contracts.sample("events/PaymentCompleted").set("payload",
                json.valueToTree(new PaymentCompleted(1, 2, 3, 4, null))));

        assertThatThrownBy(() -> Contracts.assertMatches("events/PaymentCompleted",
                Contracts.sample("events/PaymentCompleted").set("payload", json.valueToTree(new Renamed(1, 2, 3, 4, 5L)))))
                .hasMessageContaining("payload.amount is missing")
                .hasMessageContaining("payload.price is not in the contract");
    }

    @Test
    void shouldRefuseAnotherJsonTypeAndNullWhereTheContractHasNone() {
        Map<String, Object> asText = new LinkedHashMap<>(Map.of("userId", "1", "paymentId", 2, "amount", 3));
        asText.put("refunded", null);
        assertThatThrownBy(() -> Contracts.assertMatches("user-service/debit-lookup-answer", asText))
                .hasMessageContaining("userId is a string, the contract says an integral number")
                .hasMessageContaining("refunded is null");
    }

    @Test
    void shouldAllowNullOnlyWhereTheSampleSaysSo() {
        Contracts.sample("events/ReservationConfirmationFailed", "payload.scheduleId", null);
        assertThatThrownBy(() -> Contracts.sample("events/ReservationConfirmationFailed", "payload.userId", null))
                .hasMessageContaining("payload.userId is null");
    }

    @Test
    void shouldHoldTheValuesTheContractFixes() {
        assertThatThrownBy(() -> Contracts.assertMatches("events/PaymentCompleted",
                Contracts.sample("events/PaymentCompleted", "type", "PaymentDone")))
                .hasMessageContaining("type is \"PaymentDone\"");
    }

    @Test
    void shouldRefuseToBuildASampleWithAFieldTheContractDoesNotHave() {
        assertThatThrownBy(() -> Contracts.sample("user-service/debit-request", "price", 1))
                .hasMessageContaining("has no field price");
        assertThat(Contracts.sample("user-service/debit-request").has("$nullable")).isFalse();
    }

    @Test
    void shouldHaveASampleForEveryEventTypeAndWriteEnvelopesOfItsShape() throws IllegalAccessException {
        EventJson events = new EventJson();
        for (Field constant : EventTypes.class.getFields()) {
            String type = (String) constant.get(null);
            ObjectNode sample = Contracts.sample("events/" + type);
            assertThat(sample.path("type").asString()).isEqualTo(type);

            // what OutboxWriter writes: EventJson's envelope around the payload
            Contracts.assertMatches("events/" + type, events.write(events.envelope(type, 42L, sample.path("payload"))));
        }
    }
}
