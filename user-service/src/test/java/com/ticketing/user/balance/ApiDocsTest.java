package com.ticketing.user.balance;

import com.ticketing.common.docs.PublishedApi;
import com.ticketing.common.web.ErrorCodes;
import com.ticketing.user.UserErrors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description user-service publishes for the gateway's Swagger UI. */
class ApiDocsTest extends BalanceIntegrationTest {

    private static final String AMOUNT = "/v1/api/user/amount";
    private static final String ACCOUNTS = "/v1/api/user/accounts";

    @Test
    void shouldPublishTheOwnBalanceApiAndSignUpWithoutInternalPathsOrIdentityHeaders() {
        Reply docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().toString()).as("the gateway sets the identity; clients never send it")
                .doesNotContainIgnoringCase("X-User-Id").doesNotContainIgnoringCase("X-User-Roles");

        PublishedApi api = PublishedApi.of(docs.body());
        assertThat(api.operations()).isEqualTo(Map.of(ACCOUNTS, List.of("post"), AMOUNT, List.of("get", "post")));
        api.needsQueueToken(ACCOUNTS, "post", false)
                .documentsError(ACCOUNTS, "post", 400, ErrorCodes.VALIDATION_FAILED)
                .documentsError(ACCOUNTS, "post", 409, UserErrors.USERNAME_TAKEN)
                .doesNotDocument(ACCOUNTS, "post", 401);
        JsonNode signUp = api.operation(ACCOUNTS, "post").path("responses");
        assertThat(signUp.has("200")).isFalse();
        assertThat(signUp.path("201").path("content").path("application/json").path("schema").path("$ref").asString())
                .as("sign-up answers 201 with the data envelope").endsWith("ApiResponseSignedUp");
        signUp.properties().stream().filter(r -> r.getKey().compareTo("400") >= 0).forEach(r ->
                assertThat(r.getValue().path("content").path("application/json").path("schema").path("$ref").asString())
                        .as("sign-up %s body", r.getKey()).isEqualTo("#/components/schemas/ErrorBody"));

        api.hasSharedShapeAndExactly(Map.of(ACCOUNTS, List.of("post"), AMOUNT, List.of("get", "post")))
                .needsLogin(ACCOUNTS, "post", false)
                .needsLogin(AMOUNT, "get", true)
                .needsLogin(AMOUNT, "post", true)
                .needsQueueToken(AMOUNT, "get", false)
                .needsQueueToken(AMOUNT, "post", false)
                .documentsError(AMOUNT, "post", 400, ErrorCodes.MALFORMED_REQUEST)
                .documentsError(AMOUNT, "post", 401, ErrorCodes.UNAUTHENTICATED)
                .documentsError(AMOUNT, "post", 403, ErrorCodes.FORBIDDEN)
                .documentsError(AMOUNT, "post", 404, ErrorCodes.USER_NOT_FOUND)
                .documentsError(AMOUNT, "post", 409, UserErrors.BALANCE_LIMIT_EXCEEDED)
                .documentsError(AMOUNT, "get", 400, ErrorCodes.VALIDATION_FAILED)
                .documentsError(AMOUNT, "get", 401, ErrorCodes.UNAUTHENTICATED)
                .documentsError(AMOUNT, "get", 403, ErrorCodes.FORBIDDEN)
                .documentsError(AMOUNT, "get", 404, ErrorCodes.USER_NOT_FOUND);
    }
}
