package com.ticketing.reservation.reconciliation;

import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class ReconciliationEndpointTest extends IntegrationTest {

    @Test
    void shouldReportPayingReservationsAndOneLockedForLongerThanTheBound() throws Exception {
        long reservationId = hold(5001, CatalogStub.seatId(16, 1));
        lock(reservationId, 5001, 92_001);
        PAYMENTS.payment(92_001, "PENDING"); // still under way: the lock stays, and grows old

        JsonNode fresh = report();
        clock.advance(Duration.ofMinutes(3));
        JsonNode late = report();

        assertThat(fresh.path("service").asString()).isEqualTo("reservation-service");
        assertThat(fresh.path("paying").valueStream().map(p -> p.path("reservationId").asLong())).contains(reservationId);
        assertThat(fresh.path("findings").valueStream().filter(f -> f.path("subject").asString()
                .equals("reservation " + reservationId))).isEmpty();
        assertThat(late.path("findings").valueStream().filter(f -> f.path("subject").asString()
                .equals("reservation " + reservationId))).singleElement()
                .satisfies(f -> assertThat(f.path("check").asString()).isEqualTo("SETTLED_IN_TIME"));
    }

    private JsonNode report() throws Exception {
        return body(mvc.perform(get("/internal/reconciliation")).andReturn()).path("data");
    }
}
