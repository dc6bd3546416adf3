package com.ticketing.concert.seatview;

import com.ticketing.common.web.Ids;
import com.ticketing.concert.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import com.ticketing.common.auth.AuthHeaders;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SeatListEndpointTest extends IntegrationTest {

    @Autowired
    private ProjectingSeatStatus projecting;

    /** The seat list of {@code scheduleId}, asked by a caller admitted to that schedule's room. */
    private static MockHttpServletRequestBuilder seats(long scheduleId) {
        return admittedTo(scheduleId, get("/v1/api/concerts/seat").param("scheduleId", Long.toString(scheduleId)));
    }

    @Test
    void shouldRefuseTheSeatsOfAScheduleWhoseRoomTheCallerWasNotAdmittedTo() throws Exception {
        apply(102, 2, 9, ReservationStage.HELD);
        mvc.perform(admittedTo(3, get("/v1/api/concerts/seat").param("scheduleId", "2")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error.code").value("QUEUE_NOT_ADMITTED"))
                .andExpect(jsonPath("$.data").doesNotExist());
        mvc.perform(get("/v1/api/concerts/seat").param("scheduleId", "2"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.code").value("QUEUE_NOT_ADMITTED"));
        for (String forged : new String[]{"", "0", "-2", "2x", "0x2", "99999999999999999999"}) {
            mvc.perform(get("/v1/api/concerts/seat").param("scheduleId", "2").header(AuthHeaders.QUEUE_ROOM, forged))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.error.code").value("QUEUE_NOT_ADMITTED"));
        }
        // An unknown schedule is not revealed to a caller of another room either.
        mvc.perform(admittedTo(2, get("/v1/api/concerts/seat").param("scheduleId", String.valueOf(LAST_SCHEDULE + 1))))
                .andExpect(status().isForbidden());
    }

    private void apply(long reservationId, long scheduleId, int seatNo, ReservationStage stage) {
        projecting.apply(UUID.randomUUID().toString(), new SeatChange(reservationId, scheduleId, seatId(scheduleId, seatNo), stage));
    }

    @Test
    void shouldListEverySeatOfTheScheduleBySeatNumber() throws Exception {
        mvc.perform(seats(2))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(SEATS_PER_SCHEDULE))
                .andExpect(jsonPath("$.data[0].seatId").value(51))
                .andExpect(jsonPath("$.data[0].seatNo").value(1))
                .andExpect(jsonPath("$.data[0].grade").value("VIP"))
                .andExpect(jsonPath("$.data[0].price").value(165000))
                .andExpect(jsonPath("$.data[0].status").value("AVAILABLE"))
                .andExpect(jsonPath("$.data[10].grade").value("R"))
                .andExpect(jsonPath("$.data[25].grade").value("S"))
                .andExpect(jsonPath("$.data[49].seatId").value(100))
                .andExpect(jsonPath("$.data[49].seatNo").value(50))
                .andExpect(jsonPath("$.data[49].grade").value("A"))
                .andExpect(jsonPath("$.data[49].price").value(99000));
    }

    @Test
    void shouldShowAHeldSeatAsSoldOnceItsReservationIsConfirmed() throws Exception {
        apply(100, 1, 7, ReservationStage.HELD);
        mvc.perform(seats(1))
                .andExpect(jsonPath("$.data[6].seatId").value(7))
                .andExpect(jsonPath("$.data[6].status").value("HELD"))
                .andExpect(jsonPath("$.data[7].status").value("AVAILABLE"));

        apply(100, 1, 7, ReservationStage.SOLD);
        mvc.perform(seats(1))
                .andExpect(jsonPath("$.data[6].status").value("SOLD"));
    }

    @Test
    void shouldShowAHeldSeatAsAvailableAgainOnceItsReservationExpires() throws Exception {
        apply(101, 1, 8, ReservationStage.HELD);
        apply(101, 1, 8, ReservationStage.RELEASED);

        mvc.perform(seats(1))
                .andExpect(jsonPath("$.data[7].seatId").value(8))
                .andExpect(jsonPath("$.data[7].status").value("AVAILABLE"));
        assertThat(statusOf(8)).isEqualTo("AVAILABLE");
    }

    @Test
    void shouldListTheSeatsOfAPastScheduleToo() throws Exception {
        mvc.perform(seats(LAST_PAST_SCHEDULE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.length()").value(SEATS_PER_SCHEDULE));
    }

    @Test
    void shouldAnswerScheduleNotFoundForAnUnknownSchedule() throws Exception {
        mvc.perform(seats(LAST_SCHEDULE + 1))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error.code").value("SCHEDULE_NOT_FOUND"));
        mvc.perform(seats(Ids.MAX))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("SCHEDULE_NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "0", "-1", "1.5", "0x10", "+5", " 5", "9007199254740992",
            "9223372036854775807", "99999999999999999999", "9223372036854775808"})
    void shouldRejectAnInvalidScheduleIdWithABadRequest(String scheduleId) throws Exception {
        mvc.perform(admittedTo(1, get("/v1/api/concerts/seat").param("scheduleId", scheduleId)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.error.message").isNotEmpty());
    }

    @Test
    void shouldRejectAMissingScheduleIdWithABadRequest() throws Exception {
        mvc.perform(admittedTo(1, get("/v1/api/concerts/seat")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"));
    }

    @Test
    void shouldRejectUnknownPathsAndMethodsWithJson() throws Exception {
        mvc.perform(get("/v1/api/concerts/seats").param("scheduleId", "1"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("NOT_FOUND"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/v1/api/concerts/schedule"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error.code").value("METHOD_NOT_ALLOWED"));
    }
}
