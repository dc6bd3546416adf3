package com.ticketing.concert;

import com.ticketing.common.docs.PublishedApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI description concert-service publishes for the gateway's Swagger UI. */
class ApiDocsTest extends IntegrationTest {

    @Test
    void shouldPublishTheAdmittedCatalogRoutesOnlyWithTheSharedErrorBodyAndTheQueueToken() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        PublishedApi.parse(json)
                .hasSharedShapeAndExactly(Map.of(
                        "/v1/api/concerts/schedule", List.of("get"),
                        "/v1/api/concerts/seat", List.of("get")))
                .isAdmittedOnly("/v1/api/concerts/schedule", "get")
                .isAdmittedOnly("/v1/api/concerts/seat", "get")
                .documentsError("/v1/api/concerts/seat", "get", 404, ConcertErrors.SCHEDULE_NOT_FOUND)
                .documentsError("/v1/api/concerts/seat", "get", 400, "VALIDATION_FAILED")
                .doesNotDocument("/v1/api/concerts/schedule", "get", 400);
    }
}
