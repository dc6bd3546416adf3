package com.ticketing.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API documentation through the running gateway: each service's OpenAPI description and the Swagger UI. */
class ApiDocsSystemTest {

    @ParameterizedTest
    @CsvSource({
            "queue-service, /v1/api/queue/token/check",
            "user-service, /v1/api/user/amount",
            "concert-service, /v1/api/concerts/seat",
            "reservation-service, /v1/api/concerts/reserve",
            "payment-service, /v1/api/concerts/payment"})
    void shouldServeEachServicesOpenApiDescriptionWithItsPublicPathsOnly(String service, String aPublicPath) {
        Gateway.Response docs = Gateway.get("/v3/api-docs/" + service);

        assertThat(docs.status()).as(docs.raw()).isEqualTo(200);
        assertThat(docs.body().path("openapi").asText()).startsWith("3.");
        assertThat(docs.body().path("info").path("title").asText()).isEqualTo(service);
        assertThat(docs.body().path("paths").has(aPublicPath)).as("%s in %s", aPublicPath, docs.raw()).isTrue();
        docs.body().path("paths").properties().forEach(p -> assertThat(p.getKey()).startsWith("/v1/api/"));
        assertThat(docs.body().path("components").path("schemas").has("ErrorBody")).isTrue();
        assertThat(docs.raw()).doesNotContain("X-User-Id");
    }

    @Test
    void shouldServeTheSwaggerUiPage() {
        Gateway.Response entry = Gateway.get("/swagger-ui.html");
        assertThat(entry.status()).as(entry.raw()).isBetween(301, 308);
        String location = entry.http().headers().firstValue("Location").orElseThrow();
        Gateway.Response page = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.URL).resolve(location)).GET(), Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.http().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.raw()).contains("swagger-ui");

        Gateway.Response config = Gateway.get("/v3/api-docs/swagger-config");
        assertThat(config.status()).as(config.raw()).isEqualTo(200);
        assertThat(config.body().path("urls").size()).isEqualTo(5);
    }
}
