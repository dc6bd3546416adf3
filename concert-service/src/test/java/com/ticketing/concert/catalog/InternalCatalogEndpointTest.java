package com.ticketing.concert.catalog;

import com.ticketing.common.contracts.Contracts;
import com.ticketing.concert.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class InternalCatalogEndpointTest extends IntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldDescribeABookableSeatWithItsNumberAndPrice() throws Exception {
        // Schedule 1 is concert 1; seat 7 is VIP (165,000 won), seat 50 is A (99,000 won).
        mvc.perform(get("/internal/schedules/1/seats/7"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.scheduleId").value(1))
                .andExpect(jsonPath("$.data.concertId").value(1))
                .andExpect(jsonPath("$.data.seatId").value(7))
                .andExpect(jsonPath("$.data.seatNo").value(7))
                .andExpect(jsonPath("$.data.price").value(165000))
                .andExpect(jsonPath("$.data.bookable").value(true))
                // what reservation-service's ConcertCatalog reads (common's contract sample)
                .andDo(result -> Contracts.assertMatches("concert-service/catalog-seat-answer",
                        json.readTree(result.getResponse().getContentAsString()).path("data")));
        // Schedule 12 is concert 3; seat id 11 * 50 + 50 = 600 is its seat 50, grade A (33,000 won).
        mvc.perform(get("/internal/schedules/12/seats/" + seatId(12, 50)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.concertId").value(3))
                .andExpect(jsonPath("$.data.seatId").value(600))
                .andExpect(jsonPath("$.data.seatNo").value(50))
                .andExpect(jsonPath("$.data.price").value(33000))
                .andExpect(jsonPath("$.data.bookable").value(true));
    }

    @Test
    void shouldDescribeAScheduleWithItsTitleAndBookingWindow() throws Exception {
        // Schedule 3 is concert 1's third date: shows 2099-03-01 19:00Z + 2 days, booking closes an hour before.
        mvc.perform(get("/internal/schedules/3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.scheduleId").value(3))
                .andExpect(jsonPath("$.data.concertId").value(1))
                .andExpect(jsonPath("$.data.title").value("Aurora Lights World Tour"))
                .andExpect(jsonPath("$.data.startsAt").value("2099-03-03T19:00:00Z"))
                .andExpect(jsonPath("$.data.bookingOpensAt").value("2020-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.data.bookingClosesAt").value("2099-03-03T18:00:00Z"))
                // what queue-service reads when it opens a room (common's contract sample)
                .andDo(result -> Contracts.assertMatches("concert-service/schedule-answer",
                        json.readTree(result.getResponse().getContentAsString()).path("data")));
        mvc.perform(get("/internal/schedules/" + FIRST_UNOPENED_SCHEDULE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.scheduleId").value(FIRST_UNOPENED_SCHEDULE))
                .andExpect(jsonPath("$.data.bookingOpensAt").value("2098-01-01T00:00:00Z"));
    }

    @Test
    void shouldAnswerScheduleNotFoundForAScheduleThatDoesNotExist() throws Exception {
        mvc.perform(get("/internal/schedules/" + (LAST_SCHEDULE + 1)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error.code").value("SCHEDULE_NOT_FOUND"));
        for (String bad : new String[]{"0", "-1", "abc", "0x10", "1.5"}) {
            mvc.perform(get("/internal/schedules/" + bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"));
        }
    }

    @Test
    void shouldSayAPastSchedulesSeatIsNotBookable() throws Exception {
        mvc.perform(get("/internal/schedules/" + FIRST_PAST_SCHEDULE + "/seats/" + seatId(FIRST_PAST_SCHEDULE, 1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.seatNo").value(1))
                .andExpect(jsonPath("$.data.bookable").value(false));
    }

    @Test
    void shouldSayASeatIsNotBookableBeforeItsScheduleOpensForBooking() throws Exception {
        mvc.perform(get("/internal/schedules/" + FIRST_UNOPENED_SCHEDULE + "/seats/" + seatId(FIRST_UNOPENED_SCHEDULE, 3)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.bookable").value(false));
    }

    @Test
    void shouldAnswerSeatNotFoundForASeatOfAnotherSchedule() throws Exception {
        mvc.perform(get("/internal/schedules/2/seats/7"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error.code").value("SEAT_NOT_FOUND"));
    }

    @Test
    void shouldAnswerSeatNotFoundForASeatThatDoesNotExist() throws Exception {
        mvc.perform(get("/internal/schedules/1/seats/" + (LAST_SCHEDULE * SEATS_PER_SCHEDULE + 1)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("SEAT_NOT_FOUND"));
    }

    @Test
    void shouldAnswerScheduleNotFoundForAnUnknownSchedule() throws Exception {
        mvc.perform(get("/internal/schedules/" + (LAST_SCHEDULE + 1) + "/seats/7"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value("SCHEDULE_NOT_FOUND"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc/seats/7", "1/seats/abc", "0/seats/7", "-1/seats/7", "1/seats/0", "1/seats/-7",
            "99999999999999999999/seats/7", "1/seats/99999999999999999999", "1.5/seats/7", "0x10/seats/7", "1/seats/%237"})
    void shouldRejectInvalidIdsWithABadRequest(String path) throws Exception {
        mvc.perform(get("/internal/schedules/" + path))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andExpect(jsonPath("$.error.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.error.message").isNotEmpty());
    }

    @Test
    void shouldRejectOtherMethodsWithJson() throws Exception {
        mvc.perform(post("/internal/schedules/1/seats/7"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error.code").value("METHOD_NOT_ALLOWED"));
    }
}
