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
import com.ticketing.common.auth.AuthHeaders;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;

import java.util.List;

/** The parts of a service's OpenAPI description that every service shares. */
public final class ApiDocsDefinition {

    private ApiDocsDefinition() {
    }

    /**
     * Title, description and version of the service; one relative server, so that "Try it out" in the gateway's
     * Swagger UI calls the gateway that served the description, never a service's internal address; the
     * {@code ErrorBody} schema and the two security schemes (the access token, the waiting-room token).
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
                        .addSecuritySchemes(ApiDocsOperationCustomizer.ACCESS_TOKEN, accessTokenScheme())
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

    /**
     * Login: OAuth 2.1 authorization code with PKCE at user-service (through the gateway), public client
     * {@code ticketing-web}; Swagger UI's "Authorize" runs it and sends {@code Authorization: Bearer <access token>}.
     */
    private static SecurityScheme accessTokenScheme() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Log in (OpenID Connect, authorization code + PKCE; client `ticketing-web`, no secret). "
                        + "The access token goes in `Authorization: Bearer <token>`; the user of every call is the "
                        + "token's, never one named in a body, query or header.")
                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                        .authorizationUrl("/oauth2/authorize")
                        .tokenUrl("/oauth2/token")
                        .refreshUrl("/oauth2/token")
                        .scopes(new Scopes().addString("openid", "the logged-in user's id"))));
    }

    private static SecurityScheme queueTokenScheme() {
        return new SecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(AuthHeaders.QUEUE_TOKEN)
                .description("The waiting-room token from `POST /v1/api/queue/token` (`data.queueToken`), bound to the "
                        + "logged-in user. Schedule, seat, hold and pay calls need it admitted "
                        + "(`POST /v1/api/queue/token/check` answers `PROGRESS`) and sent with that user's access token.");
    }
}
