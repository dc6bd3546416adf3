package com.ticketing.gateway.admission;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.Set;

/**
 * The admission rule, stated once: which requests only users the waiting room admitted may make. Every route that
 * serves them carries the {@code Admission} filter ({@link AdmissionGatewayFilterFactory}) in
 * {@code application.yml}, and no other route does; {@code AdmissionRuleTest} checks each registered route against
 * this rule.
 * <ul>
 *   <li>Everything under {@value #ADMITTED_ONLY}: schedules, seats, holds, payments.</li>
 *   <li>Except reading one's own reservations and payments ({@code GET} on {@link #READABLE_AFTER_ADMISSION}): they
 *       stay readable after the user's slot is freed, with the login only.</li>
 * </ul>
 */
public final class AdmissionRule {

    public static final String ADMITTED_ONLY = "/v1/api/concerts/**";
    public static final List<String> READABLE_AFTER_ADMISSION =
            List.of("/v1/api/concerts/reservations/**", "/v1/api/concerts/payment/**");

    private static final PathPattern ADMITTED = PathPatternParser.defaultInstance.parse(ADMITTED_ONLY);
    private static final List<PathPattern> READABLE =
            READABLE_AFTER_ADMISSION.stream().map(PathPatternParser.defaultInstance::parse).toList();

    private AdmissionRule() {
    }

    /**
     * Whether requests to {@code path} (a path or a route's path pattern) with any of {@code methods} (empty: any
     * method) need an admitted waiting-room token.
     */
    public static boolean requiresAdmission(String path, Set<HttpMethod> methods) {
        PathContainer container = PathContainer.parsePath(path);
        if (!ADMITTED.matches(container)) {
            return false;
        }
        boolean readsOnly = !methods.isEmpty() && methods.stream().allMatch(HttpMethod.GET::equals);
        return !(readsOnly && READABLE.stream().anyMatch(p -> p.matches(container)));
    }
}
