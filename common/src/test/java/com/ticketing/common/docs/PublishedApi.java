package com.ticketing.common.docs;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on a service's published OpenAPI description ({@code /v3/api-docs}) that every service shares:
 * only public paths, no identity headers as client parameters, the {@code ErrorBody} on every error answer,
 * the queue token where the gateway asks for it. Published in common's test jar for the services' tests.
 */
public final class PublishedApi {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode root;

    private PublishedApi(JsonNode root) {
        this.root = root;
    }

    public static PublishedApi parse(String json) {
        return of(JsonMapper.builder().build().readTree(json));
    }

    public static PublishedApi of(JsonNode description) {
        assertThat(description.path("openapi").asString()).as("an OpenAPI description").startsWith("3.");
        return new PublishedApi(description);
    }

    public JsonNode root() {
        return root;
    }

    /** Path → its methods (lower case), in path order. */
    public Map<String, List<String>> operations() {
        Map<String, List<String>> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            operations.put(path.getKey(), METHODS.stream().filter(m -> path.getValue().has(m)).toList());
        }
        return operations;
    }

    public JsonNode operation(String path, String method) {
        JsonNode op = root.path("paths").path(path).path(method);
        assertThat(op.isObject()).as("%s %s is published", method, path).isTrue();
        return op;
    }

    /**
     * The description as a whole: exactly the given public operations (no {@code /internal/**}, no {@code /ping});
     * no {@code X-User-Id}, {@code X-Queue-Token-Id}, {@code X-Queue-Room} or {@code Authorization} parameter anywhere
     * (nor the {@code @Admitted} room); the shared error
     * body schema; every error answer of every operation with that body; a relative server (calls go through the
     * gateway); the login and waiting-room token schemes; and a {@code {"data": ...}} success body for every operation.
     */
    public PublishedApi hasSharedShapeAndExactly(Map<String, List<String>> expectedOperations) {
        assertThat(operations()).isEqualTo(expectedOperations);
        assertThat(operations().keySet()).allSatisfy(p -> assertThat(p).startsWith("/v1/api/").doesNotContain("/internal"));
        List<String> parameters = root.findValues("parameters").stream().flatMap(a -> elements(a).stream())
                .map(p -> p.path("name").asString().toLowerCase()).toList();
        assertThat(parameters).doesNotContain("x-user-id", "x-user-roles", "x-queue-token-id", "x-queue-room",
                "x-queue-token", "authorization", "admission");

        JsonNode errorBody = root.path("components").path("schemas").path("ErrorBody");
        assertThat(errorBody.path("properties").path("error").path("properties").properties())
                .extracting(Map.Entry::getKey).containsExactly("code", "message");
        assertThat(root.path("servers").get(0).path("url").asString()).isEqualTo("/");
        JsonNode scheme = root.path("components").path("securitySchemes").path(ApiDocsOperationCustomizer.QUEUE_TOKEN);
        assertThat(scheme.path("type").asString()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asString()).isEqualTo("header");
        assertThat(scheme.path("name").asString()).isEqualTo("X-Queue-Token");
        JsonNode login = root.path("components").path("securitySchemes").path(ApiDocsOperationCustomizer.ACCESS_TOKEN);
        assertThat(login.path("type").asString()).isEqualTo("oauth2");
        assertThat(login.path("flows").path("authorizationCode").path("authorizationUrl").asString()).isEqualTo("/oauth2/authorize");
        assertThat(login.path("flows").path("authorizationCode").path("tokenUrl").asString()).isEqualTo("/oauth2/token");

        expectedOperations.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode responses = operation(path, method).path("responses");
            assertThat(responses.has("500")).as("%s %s documents 500", method, path).isTrue();
            assertThat(responses.has("503")).as("%s %s documents 503", method, path).isTrue();
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                if (Integer.parseInt(response.getKey()) >= 400) {
                    assertThat(schemaRef(response.getValue())).as("%s %s %s body", method, path, response.getKey())
                            .isEqualTo("#/components/schemas/ErrorBody");
                }
            }
            String success = schemaRef(responses.has("200") ? responses.path("200") : responses.path("201"));
            JsonNode envelope = root.path("components").path("schemas").path(success.substring(success.lastIndexOf('/') + 1));
            assertThat(envelope.path("properties").properties()).as("%s %s success body", method, path)
                    .extracting(Map.Entry::getKey).containsExactly("data");
        }));
        return this;
    }

    /** The operation asks for the waiting-room token (with the login), or not. */
    public PublishedApi needsQueueToken(String path, String method, boolean needed) {
        List<String> schemes = schemes(path, method);
        if (needed) {
            assertThat(schemes).as("%s %s security", method, path)
                    .containsExactlyInAnyOrder(ApiDocsOperationCustomizer.ACCESS_TOKEN, ApiDocsOperationCustomizer.QUEUE_TOKEN);
        } else {
            assertThat(schemes).as("%s %s security", method, path).doesNotContain(ApiDocsOperationCustomizer.QUEUE_TOKEN);
        }
        return this;
    }

    /** The operation acts for the logged-in user (the access token, and the gateway's 401s), or is public. */
    public PublishedApi needsLogin(String path, String method, boolean needed) {
        List<String> schemes = schemes(path, method);
        if (needed) {
            assertThat(schemes).as("%s %s security", method, path).contains(ApiDocsOperationCustomizer.ACCESS_TOKEN);
            documentsError(path, method, 401, "UNAUTHENTICATED");
        } else {
            assertThat(schemes).as("%s %s security", method, path).isEmpty();
        }
        return this;
    }

    private List<String> schemes(String path, String method) {
        List<String> schemes = new ArrayList<>();
        elements(operation(path, method).path("security")).forEach(r -> r.properties().forEach(e -> schemes.add(e.getKey())));
        return schemes;
    }

    /** The operation documents {@code status} with {@code code} among its error codes (one example per code). */
    public PublishedApi documentsError(String path, String method, int status, String code) {
        JsonNode examples = operation(path, method).path("responses").path(Integer.toString(status))
                .path("content").path("application/json").path("examples");
        assertThat(examples.path(code).path("value").path("error").path("code").asString())
                .as("%s %s documents %d %s", method, path, status, code).isEqualTo(code);
        return this;
    }

    /** The operation does not document {@code status}. */
    public PublishedApi doesNotDocument(String path, String method, int status) {
        assertThat(operation(path, method).path("responses").has(Integer.toString(status)))
                .as("%s %s documents %d", method, path, status).isFalse();
        return this;
    }

    /** Admission-protected: login and the waiting-room token, the gateway's 401 INVALID_TOKEN and 403 QUEUE_NOT_ADMITTED. */
    public PublishedApi isAdmittedOnly(String path, String method) {
        return needsQueueToken(path, method, true)
                .documentsError(path, method, 401, "INVALID_TOKEN")
                .documentsError(path, method, 403, "QUEUE_NOT_ADMITTED");
    }

    private static String schemaRef(JsonNode response) {
        return response.path("content").path("application/json").path("schema").path("$ref").asString();
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
