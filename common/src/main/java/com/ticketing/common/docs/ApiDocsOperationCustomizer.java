package com.ticketing.common.docs;

import com.ticketing.common.auth.AuthHeaders;
import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.web.ErrorCodes;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Documents what every operation shares: the error answers (status, {@code error.code} values, the
 * {@code ErrorBody} schema), the login and waiting-room token requirements, and no identity headers as client
 * parameters.
 * <ul>
 *   <li>a handler with a {@link CurrentUser} parameter acts for the logged-in user: the access-token requirement
 *       and the gateway's 401 {@code UNAUTHENTICATED}/{@code INVALID_TOKEN};</li>
 *   <li>a handler that reads {@code X-Queue-Token} itself (the queue check) or is {@link AdmittedOnly} also gets the
 *       waiting-room token requirement instead of a header parameter;</li>
 *   <li>{@link AdmittedOnly}: the gateway's 403 {@code QUEUE_NOT_ADMITTED};</li>
 *   <li>400 when the operation takes a body or parameters, the handler's own {@link ApiError}s, and always 500 and 503.</li>
 * </ul>
 */
public final class ApiDocsOperationCustomizer implements OperationCustomizer {

    /** The name of the access-token (login) security scheme in {@code components.securitySchemes}. */
    public static final String ACCESS_TOKEN = "accessToken";
    /** The name of the waiting-room token security scheme in {@code components.securitySchemes}. */
    public static final String QUEUE_TOKEN = "queueToken";
    /** The name of the error body schema in {@code components.schemas}. */
    public static final String ERROR_BODY = "ErrorBody";

    private static final Set<String> HIDDEN_HEADERS = Set.of(
            HttpHeaders.AUTHORIZATION.toLowerCase(), AuthHeaders.USER_ID.toLowerCase(), AuthHeaders.ROLES.toLowerCase(),
            AuthHeaders.TOKEN_ID.toLowerCase(), AuthHeaders.QUEUE_ROOM.toLowerCase(), AuthHeaders.QUEUE_TOKEN.toLowerCase());

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        boolean readsToken = removeHiddenHeaders(operation);
        boolean admittedOnly = handler.hasMethodAnnotation(AdmittedOnly.class)
                || handler.getBeanType().isAnnotationPresent(AdmittedOnly.class);
        boolean loggedIn = admittedOnly || actsForCaller(handler);
        if (loggedIn) {
            SecurityRequirement required = new SecurityRequirement().addList(ACCESS_TOKEN, List.of("openid"));
            if (readsToken || admittedOnly) {
                required.addList(QUEUE_TOKEN);
            }
            operation.addSecurityItem(required);
        }

        Map<Integer, Errors> errors = new TreeMap<>();
        if (operation.getRequestBody() != null) {
            add(errors, 400, "the body is missing or not valid JSON of the expected shape, or a value is out of range",
                    ErrorCodes.VALIDATION_FAILED, ErrorCodes.MALFORMED_REQUEST);
        } else if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            add(errors, 400, "a parameter is missing, not a number or out of range", ErrorCodes.VALIDATION_FAILED);
        }
        if (loggedIn) {
            add(errors, 401, "no access token, or one that is invalid or expired (checked by the gateway; log in again)",
                    ErrorCodes.UNAUTHENTICATED, ErrorCodes.INVALID_TOKEN);
        }
        if (admittedOnly) {
            add(errors, 401, "the waiting-room token is missing, malformed, forged, expired or another user's",
                    ErrorCodes.INVALID_TOKEN);
            add(errors, 403, "the user is not (or no longer) admitted from the waiting room, or was admitted to "
                    + "another schedule's room",
                    ErrorCodes.QUEUE_NOT_ADMITTED);
        }
        for (ApiError error : handler.getMethod().getAnnotationsByType(ApiError.class)) {
            add(errors, error.status(), error.when(), error.codes());
        }
        add(errors, 500, "an unexpected failure; no details are sent", ErrorCodes.INTERNAL_ERROR);
        add(errors, 503, "the service or one it depends on is unavailable (the gateway adds Retry-After when its "
                + "breaker is open or it cannot tell whether the token is admitted); try again shortly",
                ErrorCodes.SERVICE_UNAVAILABLE);

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        errors.forEach((status, e) -> responses.addApiResponse(Integer.toString(status), e.response()));
        operation.setResponses(responses);
        return operation;
    }

    /** Removes identity and token headers from the parameters; true when the handler reads the token itself. */
    private static boolean removeHiddenHeaders(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters == null) {
            return false;
        }
        boolean readsToken = parameters.stream().anyMatch(p -> isHeader(p, AuthHeaders.QUEUE_TOKEN));
        parameters.removeIf(p -> "header".equals(p.getIn()) && p.getName() != null
                && HIDDEN_HEADERS.contains(p.getName().toLowerCase()));
        return readsToken;
    }

    private static boolean actsForCaller(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(CurrentUser.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeader(Parameter p, String name) {
        return "header".equals(p.getIn()) && name.equalsIgnoreCase(p.getName());
    }

    private static void add(Map<Integer, Errors> errors, int status, String when, String... codes) {
        errors.computeIfAbsent(status, s -> new Errors()).add(when, codes);
    }

    /** The documented cases of one error status. */
    private static final class Errors {

        private final Set<String> whens = new LinkedHashSet<>();
        private final Map<String, String> exampleMessages = new LinkedHashMap<>();

        void add(String when, String... codes) {
            whens.add(when);
            for (String code : codes) {
                exampleMessages.putIfAbsent(code, when);
            }
        }

        ApiResponse response() {
            MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_BODY));
            exampleMessages.forEach((code, message) -> json.addExamples(code, new Example().value(
                    Map.of("error", orderedDetail(code, message)))));
            String description = String.join("; ", whens) + ". Codes: " + String.join(", ", exampleMessages.keySet());
            return new ApiResponse().description(description)
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json));
        }

        private static Map<String, String> orderedDetail(String code, String message) {
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("code", code);
            detail.put("message", message);
            return detail;
        }
    }
}
