package com.ticketing.payment;

import com.ticketing.common.docs.PublishedApi;
import com.ticketing.common.web.ErrorCodes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description payment-service publishes for the gateway's Swagger UI. */
class ApiDocsTest extends PaymentServiceIntegrationTest {

    private static final String PAY = "/v1/api/concerts/payment";
    private static final String ONE = "/v1/api/concerts/payment/{paymentId}";

    @Test
    void shouldPublishTheAdmittedPaymentRoutesWithTheirErrorsAndNoIdentityHeader() {
        Answer docs = get("/v3/api-docs", Map.of());
        assertThat(docs.status()).isEqualTo(200);

        PublishedApi.of(docs.body())
                .hasSharedShapeAndExactly(Map.of(PAY, List.of("post"), ONE, List.of("get")))
                .isAdmittedOnly(PAY, "post")
                .needsLogin(ONE, "get", true)
                .needsQueueToken(ONE, "get", false)
                .documentsError(PAY, "post", 404, PaymentErrors.RESERVATION_NOT_FOUND)
                .documentsError(PAY, "post", 409, ErrorCodes.INSUFFICIENT_BALANCE)
                .documentsError(PAY, "post", 409, PaymentErrors.PAYMENT_FAILED)
                .documentsError(PAY, "post", 422, PaymentErrors.IDEMPOTENCY_KEY_REUSED)
                .documentsError(PAY, "post", 503, PaymentErrors.PAYMENT_OUTCOME_UNKNOWN)
                .documentsError(PAY, "post", 503, ErrorCodes.SERVICE_UNAVAILABLE)
                .documentsError(ONE, "get", 404, PaymentErrors.PAYMENT_NOT_FOUND);
    }
}
