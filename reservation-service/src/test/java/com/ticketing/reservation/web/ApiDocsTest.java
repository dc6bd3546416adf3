package com.ticketing.reservation.web;

import com.ticketing.common.docs.PublishedApi;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.reservation.ReservationErrors;
import com.ticketing.reservation.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI description reservation-service publishes for the gateway's Swagger UI. */
class ApiDocsTest extends IntegrationTest {

    private static final String RESERVE = "/v1/api/concerts/reserve";
    private static final String ONE = "/v1/api/concerts/reservations/{reservationId}";

    @Test
    void shouldPublishTheAdmittedHoldRoutesButNotThePaymentLockOfPaymentService() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        PublishedApi.parse(json)
                .hasSharedShapeAndExactly(Map.of(RESERVE, List.of("post"), ONE, List.of("get")))
                .isAdmittedOnly(RESERVE, "post")
                .needsLogin(ONE, "get", true)
                .needsQueueToken(ONE, "get", false)
                .documentsError(RESERVE, "post", 409, ErrorCodes.SEAT_UNAVAILABLE)
                .documentsError(RESERVE, "post", 409, ReservationErrors.HOLD_LIMIT_REACHED)
                .documentsError(RESERVE, "post", 404, ReservationErrors.SEAT_NOT_FOUND)
                .documentsError(RESERVE, "post", 400, ErrorCodes.MALFORMED_REQUEST)
                .documentsError(ONE, "get", 404, ReservationErrors.RESERVATION_NOT_FOUND);
    }
}
