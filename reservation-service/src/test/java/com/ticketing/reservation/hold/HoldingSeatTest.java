package com.ticketing.reservation.hold;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.event.EventTypes;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

class HoldingSeatTest extends IntegrationTest {

    @Test
    void shouldHoldASeatForFiveMinutesWithTheCatalogPrice() throws Exception {
        long seatId = CatalogStub.seatId(3, 7);
        Instant before = clock.instant();

        MvcResult result = reserve(11, 3, seatId);

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode data = body(result).path("data");
        assertThat(data.path("scheduleId").asLong()).isEqualTo(3);
        assertThat(data.path("seatId").asLong()).isEqualTo(seatId);
        assertThat(data.path("seatNo").asInt()).isEqualTo(7);
        assertThat(data.path("price").asLong()).isEqualTo(CatalogStub.priceOf(seatId));
        assertThat(data.path("status").asString()).isEqualTo("HELD");
        Instant expiresAt = Instant.parse(data.path("expiresAt").asString());
        assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(5)), clock.instant().plus(Duration.ofMinutes(5)));
        long reservationId = data.path("reservationId").asLong();
        assertThat(jdbc.queryForObject("SELECT active_seat_id FROM reservation WHERE id = ?", Long.class, reservationId))
                .isEqualTo(seatId);
        assertThat(outboxCount(EventTypes.SEAT_HELD, reservationId)).isEqualTo(1);
    }

    @Test
    void shouldRefuseASecondHolderOfTheSameSeat() throws Exception {
        long seatId = CatalogStub.seatId(3, 8);
        hold(21, seatId);

        MvcResult second = reserve(22, 3, seatId);

        assertThat(second.getResponse().getStatus()).isEqualTo(409);
        assertThat(errorCode(second)).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isEqualTo(1);
        // Refused by the read before the transaction: the loser wrote nothing, not even its hold_owner lock row.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hold_owner WHERE user_id = 22", Integer.class)).isZero();
    }

    @Test
    void shouldAnswerTheSameHoldWhenItsHolderAsksAgain() throws Exception {
        long seatId = CatalogStub.seatId(4, 1);
        long first = hold(31, seatId);

        long again = hold(31, seatId);

        assertThat(again).isEqualTo(first);
        assertThat(outboxCount(EventTypes.SEAT_HELD, first)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAHoldOnAScheduleWhoseRoomTheCallerWasNotAdmittedToAndChangeNothing() throws Exception {
        long seatId = CatalogStub.seatId(3, 9);
        int catalogCalls = CATALOG.hits();
        Integer outboxRows = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class);

        MvcResult otherRoom = reserveAdmittedTo(2, 81, 3, seatId);
        MvcResult noRoom = mvc.perform(post("/v1/api/concerts/reserve")
                .header(AuthHeaders.USER_ID, 81)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scheduleId\":3,\"seatId\":" + seatId + "}")).andReturn();

        for (MvcResult refused : new MvcResult[]{otherRoom, noRoom}) {
            assertThat(refused.getResponse().getStatus()).isEqualTo(403);
            assertThat(errorCode(refused)).isEqualTo("QUEUE_NOT_ADMITTED");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class)).isEqualTo(outboxRows);
        assertThat(CATALOG.hits()).as("refused before the catalog is asked").isEqualTo(catalogCalls);
        // The seat is still free for a caller of its own room.
        assertThat(reserve(82, 3, seatId).getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void shouldPassThroughTheCatalogsNotFoundCodes() throws Exception {
        MvcResult noSchedule = reserve(41, CatalogStub.SCHEDULES + 1, 1);
        MvcResult seatOfAnotherSchedule = reserve(41, 2, CatalogStub.seatId(3, 1)); // admitted to room 2

        assertThat(noSchedule.getResponse().getStatus()).isEqualTo(404);
        assertThat(errorCode(noSchedule)).isEqualTo("SCHEDULE_NOT_FOUND");
        assertThat(seatOfAnotherSchedule.getResponse().getStatus()).isEqualTo(404);
        assertThat(errorCode(seatOfAnotherSchedule)).isEqualTo("SEAT_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isZero();
    }

    @Test
    void shouldRefuseAScheduleThatIsNotOpenForBooking() throws Exception {
        MvcResult result = reserve(51, CatalogStub.CLOSED_SCHEDULE, CatalogStub.seatId(CatalogStub.CLOSED_SCHEDULE, 1));

        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(errorCode(result)).isEqualTo("SCHEDULE_NOT_BOOKABLE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isZero();
    }

    @Test
    void shouldAskTheCatalogOnceForRepeatedLookupsOfOneSeat() throws Exception {
        long seatId = CatalogStub.seatId(5, 5);
        for (long user = 61; user <= 65; user++) {
            reserve(user, 5, seatId);
        }

        assertThat(CATALOG.hits()).isEqualTo(1);
    }

    @Test
    void shouldShowAReservationOnlyToItsOwner() throws Exception {
        long reservationId = hold(71, CatalogStub.seatId(6, 1));

        MvcResult owner = mvc.perform(get("/v1/api/concerts/reservations/{id}", reservationId)
                .header(AuthHeaders.USER_ID, 71)).andReturn();
        MvcResult stranger = mvc.perform(get("/v1/api/concerts/reservations/{id}", reservationId)
                .header(AuthHeaders.USER_ID, 72)).andReturn();

        assertThat(owner.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(owner).path("data").path("reservationId").asLong()).isEqualTo(reservationId);
        assertThat(body(owner).path("data").path("status").asString()).isEqualTo("HELD");
        assertThat(stranger.getResponse().getStatus()).isEqualTo(404);
        assertThat(errorCode(stranger)).isEqualTo("RESERVATION_NOT_FOUND");
    }
}
