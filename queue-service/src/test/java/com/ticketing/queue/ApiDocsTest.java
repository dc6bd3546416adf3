package com.ticketing.queue;

import com.ticketing.common.docs.PublishedApi;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description queue-service publishes for the gateway's Swagger UI. */
class ApiDocsTest extends QueueIntegrationTest {

    private static final String TOKEN = "/v1/api/queue/token";
    private static final String CHECK = "/v1/api/queue/token/check";

    @Test
    void shouldPublishTheWaitingRoomWithTheTokenAsASecuritySchemeNotAHeaderParameter() {
        QueueHttp.Reply docs = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET());
        assertThat(docs.status()).isEqualTo(200);

        PublishedApi.parse(docs.raw().body())
                .hasSharedShapeAndExactly(Map.ofEntries(
                        Map.entry(TOKEN, List.of("post", "delete")),
                        Map.entry(CHECK, List.of("post")),
                        Map.entry("/v1/api/queue/rooms", List.of("get")),
                        Map.entry("/v1/api/queue/rooms/{roomId}", List.of("get")),
                        Map.entry("/v1/api/admin/rooms", List.of("get", "post")),
                        Map.entry("/v1/api/admin/rooms/{roomId}", List.of("get")),
                        Map.entry("/v1/api/admin/rooms/{roomId}/sale-start", List.of("put")),
                        Map.entry("/v1/api/admin/rooms/{roomId}/limits", List.of("put")),
                        Map.entry("/v1/api/admin/rooms/{roomId}/pause", List.of("post")),
                        Map.entry("/v1/api/admin/rooms/{roomId}/resume", List.of("post")),
                        Map.entry("/v1/api/admin/rooms/{roomId}/close", List.of("post")),
                        Map.entry("/v1/api/admin/rooms/{roomId}/audit", List.of("get"))))
                .needsLogin(TOKEN, "post", true)
                .needsQueueToken(TOKEN, "post", false)
                .documentsError(TOKEN, "post", 403, "FORBIDDEN")
                .documentsError(TOKEN, "post", 400, "VALIDATION_FAILED")
                .documentsError(TOKEN, "post", 429, "RATE_LIMITED")
                .documentsError(TOKEN, "post", 404, QueueErrors.ROOM_NOT_FOUND)
                .documentsError(TOKEN, "post", 409, QueueErrors.TOO_MANY_ROOMS)
                .documentsError("/v1/api/admin/rooms", "post", 403, "FORBIDDEN")
                .documentsError("/v1/api/admin/rooms", "post", 409, QueueErrors.ROOM_EXISTS)
                .needsQueueToken(CHECK, "post", true)
                .documentsError(CHECK, "post", 401, "INVALID_TOKEN")
                .documentsError(CHECK, "post", 404, QueueErrors.QUEUE_TOKEN_NOT_FOUND)
                .doesNotDocument(CHECK, "post", 403)
                .needsQueueToken(TOKEN, "delete", true)
                .documentsError(TOKEN, "delete", 401, "INVALID_TOKEN");
    }
}
