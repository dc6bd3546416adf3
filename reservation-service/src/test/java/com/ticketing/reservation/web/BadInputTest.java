package com.ticketing.reservation.web;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.reservation.support.CatalogStub;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Client mistakes get a clear 4xx JSON error and change nothing (DESIGN §6). */
class BadInputTest extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{",
            "not json",
            "[]",
            "{}",
            "{\"scheduleId\":1}",
            "{\"seatId\":1}",
            "{\"scheduleId\":null,\"seatId\":1}",
            "{\"scheduleId\":\"abc\",\"seatId\":1}",
            "{\"scheduleId\":1,\"seatId\":true}",
            "{\"scheduleId\":1,\"seatId\":{}}",
            "{\"scheduleId\":1,\"seatId\":[1]}",
            "{\"scheduleId\":1.5,\"seatId\":1}",
            "{\"scheduleId\":-1,\"seatId\":1}",
            "{\"scheduleId\":0,\"seatId\":1}",
            "{\"scheduleId\":1,\"seatId\":-7}",
            "{\"scheduleId\":1,\"seatId\":99999999999999999999999}",
            "{\"scheduleId\":9223372036854775807,\"seatId\":1}",
            "{\"scheduleId\":1,\"seatId\":1e400}"
    })
    void shouldRejectAMalformedReserveBodyAndWriteNothing(String body) throws Exception {
        MvcResult result = mvc.perform(post("/v1/api/concerts/reserve")
                .header(AuthHeaders.USER_ID, 9001)
                .header(AuthHeaders.QUEUE_ROOM, 1)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();

        assertClientError(result, 400);
        assertNothingWritten();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0", "-5", "1.5", "99999999999999999999"})
    void shouldAnswer401WithoutAValidUserHeader(String userHeader) throws Exception {
        MockHttpServletRequestBuilder request = post("/v1/api/concerts/reserve")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scheduleId\":1,\"seatId\":1}");
        if (!userHeader.isEmpty()) {
            request.header(AuthHeaders.USER_ID, userHeader);
        }

        MvcResult result = mvc.perform(request).andReturn();

        assertClientError(result, 401);
        assertThat(errorCode(result)).isEqualTo("UNAUTHENTICATED");
        assertNothingWritten();
    }

    @Test
    void shouldAnswer401ForAReservationLookupWithoutAUser() throws Exception {
        assertClientError(mvc.perform(get("/v1/api/concerts/reservations/1")).andReturn(), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void shouldRejectABadReservationIdInThePath(String id) throws Exception {
        assertClientError(mvc.perform(get("/v1/api/concerts/reservations/" + id).header(AuthHeaders.USER_ID, 1)).andReturn(), 400);
        assertClientError(mvc.perform(get("/internal/reservations/" + id)).andReturn(), 400);
        assertClientError(mvc.perform(delete("/internal/reservations/" + id + "/payment-lock/1")).andReturn(), 400);
        assertClientError(mvc.perform(delete("/internal/reservations/1/payment-lock/" + id)).andReturn(), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{",
            "{}",
            "{\"userId\":1}",
            "{\"paymentId\":1}",
            "{\"userId\":1,\"paymentId\":1}",
            "{\"userId\":1,\"paymentId\":1,\"roomId\":0}",
            "{\"userId\":1,\"paymentId\":1,\"roomId\":\"17\"}",
            "{\"userId\":\"x\",\"paymentId\":1}",
            "{\"userId\":-1,\"paymentId\":1}",
            "{\"userId\":1,\"paymentId\":0}",
            "{\"userId\":1,\"paymentId\":1.25}",
            "{\"userId\":1,\"paymentId\":123456789012345678901234567890}"
    })
    void shouldRejectAMalformedLockRequestAndChangeNothing(String body) throws Exception {
        long reservationId = hold(9002, CatalogStub.seatId(17, 1));

        MvcResult result = mvc.perform(post("/internal/reservations/{id}/payment-lock", reservationId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn();

        assertClientError(result, 400);
        assertThat(statusOf(reservationId)).isEqualTo("HELD");
    }

    @Test
    void shouldRejectAWrongMediaTypeAndAWrongMethod() throws Exception {
        assertClientError(mvc.perform(post("/v1/api/concerts/reserve")
                .header(AuthHeaders.USER_ID, 1)
                .header(AuthHeaders.QUEUE_ROOM, 1)
                .contentType(MediaType.TEXT_PLAIN)
                .content("scheduleId=1")).andReturn(), 415);
        assertClientError(mvc.perform(get("/v1/api/concerts/reserve").header(AuthHeaders.USER_ID, 1)).andReturn(), 405);
        assertNothingWritten();
    }

    private static void assertClientError(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        assertThat(errorCode(result)).isNotBlank();
    }

    private void assertNothingWritten() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hold_owner", Integer.class)).isZero();
        assertThat(CATALOG.hits()).isZero();
    }
}
