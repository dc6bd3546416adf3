package com.ticketing.user.balance;

import com.ticketing.common.docs.PublishedApi;
import com.ticketing.common.web.ErrorCodes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description user-service publishes for the gateway's Swagger UI. */
class ApiDocsTest extends BalanceIntegrationTest {

    private static final String AMOUNT = "/v1/api/user/amount";

    @Test
    void shouldPublishTheBalanceApiWithoutTheInternalDebitsAndWithoutAQueueToken() {
        Reply docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);

        PublishedApi.of(docs.body())
                .hasSharedShapeAndExactly(Map.of(AMOUNT, List.of("get", "post")))
                .needsQueueToken(AMOUNT, "get", false)
                .needsQueueToken(AMOUNT, "post", false)
                .doesNotDocument(AMOUNT, "post", 401)
                .documentsError(AMOUNT, "post", 400, ErrorCodes.MALFORMED_REQUEST)
                .documentsError(AMOUNT, "post", 404, ErrorCodes.USER_NOT_FOUND)
                .documentsError(AMOUNT, "post", 409, BalanceErrors.BALANCE_LIMIT_EXCEEDED)
                .documentsError(AMOUNT, "get", 400, ErrorCodes.VALIDATION_FAILED)
                .documentsError(AMOUNT, "get", 404, ErrorCodes.USER_NOT_FOUND);
    }
}
