package com.ticketing.reservation.domain;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.common.event.EventTypes;
import com.ticketing.common.event.Topics;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.EventsProbe;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OutboxPublishingTest extends IntegrationTest {

    @Test
    void shouldPublishSeatHeldWithTheEnvelopeKeyedByReservationId() throws Exception {
        long seatId = CatalogStub.seatId(18, 4);
        long reservationId = hold(5001, seatId);

        EventsProbe.Received held = events().await(Topics.RESERVATION_EVENTS, EventTypes.SEAT_HELD, reservationId);

        assertThat(held.key()).isEqualTo(Long.toString(reservationId));
        Contracts.assertMatches("events/SeatHeld", held.value()); // what concert-service reads
        assertThat(UUID.fromString(held.envelope().eventId())).isNotNull();
        assertThat(held.envelope().type()).isEqualTo("SeatHeld");
        assertThat(held.envelope().occurredAt()).isNotNull();
        assertThat(held.envelope().aggregateId()).isEqualTo(Long.toString(reservationId));
        assertThat(held.envelope().payload().path("reservationId").asLong()).isEqualTo(reservationId);
        assertThat(held.envelope().payload().path("userId").asLong()).isEqualTo(5001);
        assertThat(held.envelope().payload().path("scheduleId").asLong()).isEqualTo(18);
        assertThat(held.envelope().payload().path("seatId").asLong()).isEqualTo(seatId);
        assertThat(held.envelope().payload().path("price").asLong()).isEqualTo(CatalogStub.priceOf(seatId));
        String expiresAt = jdbc.queryForObject("SELECT DATE_FORMAT(expires_at, '%Y-%m-%dT%H:%i:%s.%fZ') FROM reservation WHERE id = ?",
                String.class, reservationId);
        assertThat(Instant.parse(held.envelope().payload().path("expiresAt").asString())).isEqualTo(Instant.parse(expiresAt));
        await().until(() -> jdbc.queryForObject("SELECT published_at IS NOT NULL FROM outbox_event WHERE event_id = ?",
                Boolean.class, held.envelope().eventId()));
    }
}
