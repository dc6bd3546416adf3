package com.ticketing.common.docs;

import com.ticketing.common.web.ErrorCodes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.http.HttpHeaders;

import java.util.List;

/** The parts of a service's OpenAPI description that every service shares. */
public final class ApiDocsDefinition {

    private ApiDocsDefinition() {
    }

    /**
     * Title, description and version of the service; one relative server, so that "Try it out" in the gateway's
     * Swagger UI calls the gateway that served the description, never a service's internal address; the
     * {@code ErrorBody} schema and the queue-token security scheme.
     */
    public static OpenAPI of(String title, String description, String version) {
        return new OpenAPI()
                .info(new Info().title(title).version(version).description(description
                        + "\n\nEvery success body is `{\"data\": ...}`; every error (4xx, 5xx) is `" + ApiDocsOperationCustomizer.ERROR_BODY
                        + "`: `{\"error\": {\"code\": \"SEAT_UNAVAILABLE\", \"message\": \"...\"}}`. Money is an integer "
                        + "number of won; timestamps are ISO-8601 UTC."))
                .servers(List.of(new Server().url("/").description("the gateway that serves this description")))
                .components(new Components()
                        .addSchemas(ApiDocsOperationCustomizer.ERROR_BODY, errorBodySchema())
                        .addSecuritySchemes(ApiDocsOperationCustomizer.QUEUE_TOKEN, queueTokenScheme()));
    }

    /** {@link com.ticketing.common.web.ErrorBody}: {@code {"error": {"code", "message"}}}. */
    static Schema<?> errorBodySchema() {
        Schema<?> detail = new ObjectSchema()
                .addProperty("code", new StringSchema()
                        .description("stable machine-readable code; the operation's responses list the possible values")
                        .example(ErrorCodes.VALIDATION_FAILED))
                .addProperty("message", new StringSchema()
                        .description("human-readable explanation; never internals")
                        .example("amount must be positive"))
                .required(List.of("code", "message"));
        return new ObjectSchema()
                .description("The body of every error answer (4xx and 5xx), from the services and from the gateway.")
                .addProperty("error", detail)
                .required(List.of("error"));
    }

    private static SecurityScheme queueTokenScheme() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(HttpHeaders.AUTHORIZATION)
                .description("The queue token from `POST /v1/api/queue/token` (`data.queueToken`), raw or as "
                        + "`Bearer <token>`. Schedule, seat, reservation and payment calls need an admitted token "
                        + "(`POST /v1/api/queue/token/check` answers `PROGRESS`); the user is the token's, never the body's.");
    }
}
