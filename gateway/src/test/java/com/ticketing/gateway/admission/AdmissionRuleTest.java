package com.ticketing.gateway.admission;

import com.ticketing.gateway.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every registered route agrees with {@link AdmissionRule}: it carries the {@code Admission} filter exactly when
 * one of its paths, for its methods, is admitted-only. A new route under {@code /v1/api/concerts/**} without the
 * filter fails here, and so does the filter on a route the rule leaves open.
 */
class AdmissionRuleTest extends GatewayTest {

    @Autowired
    RouteDefinitionLocator routeDefinitions;

    @Test
    void shouldPutTheAdmissionFilterOnEveryAdmittedOnlyRouteAndOnNoOther() {
        List<RouteDefinition> routes = routeDefinitions.getRouteDefinitions().collectList().block();

        assertThat(routes).isNotEmpty().allSatisfy(route -> {
            boolean admittedOnly = paths(route).stream()
                    .anyMatch(path -> AdmissionRule.requiresAdmission(path, methods(route)));
            boolean admission = route.getFilters().stream().map(FilterDefinition::getName).anyMatch("Admission"::equals);
            assertThat(admission)
                    .as("route %s (%s %s) carries Admission", route.getId(), methods(route), paths(route))
                    .isEqualTo(admittedOnly);
        });
        assertThat(routes).filteredOn(route -> paths(route).stream()
                        .anyMatch(path -> AdmissionRule.requiresAdmission(path, methods(route))))
                .extracting(RouteDefinition::getId)
                .containsExactlyInAnyOrder("concert", "reservation", "payment");
    }

    @Test
    void shouldLeaveOnlyReadingOnesOwnReservationsAndPaymentsOpenUnderTheConcertsPath() {
        assertThat(AdmissionRule.requiresAdmission("/v1/api/concerts/seat", Set.of(HttpMethod.GET))).isTrue();
        assertThat(AdmissionRule.requiresAdmission("/v1/api/concerts/payment", Set.of())).isTrue();
        assertThat(AdmissionRule.requiresAdmission("/v1/api/concerts/payment/42", Set.of(HttpMethod.POST))).isTrue();
        assertThat(AdmissionRule.requiresAdmission("/v1/api/concerts/payment/42", Set.of(HttpMethod.GET))).isFalse();
        assertThat(AdmissionRule.requiresAdmission("/v1/api/concerts/reservations/7", Set.of(HttpMethod.GET))).isFalse();
        assertThat(AdmissionRule.requiresAdmission("/v1/api/queue/token", Set.of(HttpMethod.POST))).isFalse();
    }

    private static List<String> paths(RouteDefinition route) {
        return argsOf(route, "Path");
    }

    private static Set<HttpMethod> methods(RouteDefinition route) {
        return argsOf(route, "Method").stream().map(HttpMethod::valueOf).collect(Collectors.toSet());
    }

    private static List<String> argsOf(RouteDefinition route, String predicate) {
        return route.getPredicates().stream()
                .filter(p -> p.getName().equals(predicate))
                .map(PredicateDefinition::getArgs)
                .flatMap(args -> args.values().stream())
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(String::trim)
                .toList();
    }
}
