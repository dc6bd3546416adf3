package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Services, disruption budgets and autoscalers point at pods that exist; the network admits only who must call. */
class NetworkAndScalingRulesTest {

    static List<String> variants() {
        return Rendered.VARIANTS;
    }

    /** Pod labels of every workload of ours, by workload name. */
    private static Map<String, JsonNode> podLabels(String variant) {
        Map<String, JsonNode> labels = new HashMap<>();
        for (ObjectNode d : Rendered.ofKind(variant, "Deployment")) {
            labels.put(Rendered.name(d), d.at("/spec/template/metadata/labels"));
        }
        return labels;
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return true;
        }
        var it = matchLabels.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> selected(String variant, JsonNode matchLabels) {
        Set<String> names = new TreeSet<>();
        podLabels(variant).forEach((name, labels) -> {
            if (selects(matchLabels, labels)) {
                names.add(name);
            }
        });
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyServiceSelectsPodsThatExistAndTargetsAPortTheyName(String variant) {
        for (ObjectNode svc : Rendered.ofKind(variant, "Service")) {
            JsonNode selector = svc.at("/spec/selector");
            assertThat(selector.isEmpty()).as("selector of Service %s", Rendered.name(svc)).isFalse();
            Set<String> workloads = selected(variant, selector);
            assertThat(workloads).as("pods selected by Service %s", Rendered.name(svc)).isNotEmpty();
            for (String w : workloads) {
                ObjectNode d = Rendered.ofKind(variant, "Deployment").stream()
                        .filter(x -> Rendered.name(x).equals(w)).findFirst().orElseThrow();
                List<String> portNames = d.findValues("ports").stream().flatMap(p -> p.findValuesAsText("name").stream()).toList();
                for (JsonNode port : svc.at("/spec/ports")) {
                    assertThat(portNames).as("targetPort of Service %s on %s", Rendered.name(svc), w)
                            .contains(port.path("targetPort").asText());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyDisruptionBudgetAndAutoscalerPointsAtAWorkloadThatExists(String variant) {
        Set<String> deployments = podLabels(variant).keySet();
        for (ObjectNode pdb : Rendered.ofKind(variant, "PodDisruptionBudget")) {
            assertThat(selected(variant, pdb.at("/spec/selector/matchLabels")))
                    .as("pods of PodDisruptionBudget %s", Rendered.name(pdb)).hasSize(1);
        }
        for (ObjectNode hpa : Rendered.ofKind(variant, "HorizontalPodAutoscaler")) {
            assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
            assertThat(deployments).as("target of HorizontalPodAutoscaler %s", Rendered.name(hpa))
                    .contains(hpa.at("/spec/scaleTargetRef/name").asText());
            assertThat(hpa.at("/spec/minReplicas").asInt()).isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt());
            // The autoscaler owns the count: a replicas field in the Deployment would reset it on every apply.
            ObjectNode d = Rendered.ofKind(variant, "Deployment").stream()
                    .filter(x -> Rendered.name(x).equals(hpa.at("/spec/scaleTargetRef/name").asText())).findFirst().orElseThrow();
            assertThat(d.at("/spec").has("replicas")).as("replicas in autoscaled Deployment %s", Rendered.name(d)).isFalse();
        }
        Set<String> budgeted = new TreeSet<>();
        Rendered.ofKind(variant, "PodDisruptionBudget").forEach(p -> budgeted.addAll(selected(variant, p.at("/spec/selector/matchLabels"))));
        assertThat(budgeted).as("workloads with a PodDisruptionBudget").isEqualTo(deployments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyPodOfOursRefusesWhatNoPolicyAdmits(String variant) {
        Set<String> denied = new TreeSet<>();
        for (ObjectNode np : Rendered.ofKind(variant, "NetworkPolicy")) {
            boolean denyAll = !np.at("/spec").has("ingress") && !np.at("/spec").has("egress")
                    && np.at("/spec/policyTypes").toString().contains("Ingress");
            if (denyAll) {
                denied.addAll(selected(variant, np.at("/spec/podSelector/matchLabels")));
            }
        }
        assertThat(denied).isEqualTo(podLabels(variant).keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void onlyTheGatewayIsReachableFromOutsideTheNamespaceAndOnlyThroughTheIngress(String variant) {
        for (ObjectNode np : Rendered.ofKind(variant, "NetworkPolicy")) {
            for (JsonNode rule : np.at("/spec/ingress")) {
                for (JsonNode from : rule.path("from")) {
                    if (from.has("namespaceSelector") || from.has("ipBlock")) {
                        assertThat(selected(variant, np.at("/spec/podSelector/matchLabels")))
                                .as("pods NetworkPolicy %s opens to other namespaces", Rendered.name(np))
                                .containsExactly("gateway");
                    }
                }
            }
        }
        for (ObjectNode svc : Rendered.ofKind(variant, "Service")) {
            assertThat(svc.at("/spec/type").asText("ClusterIP")).as("type of Service %s", Rendered.name(svc)).isEqualTo("ClusterIP");
        }
        for (ObjectNode ing : Rendered.ofKind(variant, "Ingress")) {
            assertThat(ing.findValues("service")).extracting(s -> s.path("name").asText()).containsOnly("gateway");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyServiceAdmitsOnlyTheGatewayAndTheServicesWhoseClientsCallIt(String variant) {
        Map<String, Set<String>> expected = new HashMap<>();
        for (String module : List.of("queue-service", "user-service", "concert-service", "reservation-service", "payment-service")) {
            expected.computeIfAbsent(module, m -> new TreeSet<>()).add("gateway");
            for (String callee : ServiceSettings.servicesCalledBy(module)) {
                expected.computeIfAbsent(callee, m -> new TreeSet<>()).add(module);
            }
        }
        // docs/contracts.md: payment -> user, reservation; reservation -> concert, payment; queue -> concert.
        assertThat(expected.get("user-service")).containsExactly("gateway", "payment-service");
        assertThat(expected.get("concert-service")).containsExactly("gateway", "queue-service", "reservation-service");

        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            Set<String> admitted = new TreeSet<>();
            for (ObjectNode np : Rendered.ofKind(variant, "NetworkPolicy")) {
                if (!selected(variant, np.at("/spec/podSelector/matchLabels")).contains(e.getKey())) {
                    continue;
                }
                for (JsonNode rule : np.at("/spec/ingress")) {
                    for (JsonNode from : rule.path("from")) {
                        admitted.addAll(selected(variant, from.at("/podSelector/matchLabels")));
                    }
                }
            }
            assertThat(admitted).as("callers admitted to %s", e.getKey()).isEqualTo(e.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theGatewaysManagementPortIsOpenOnlyToTheMonitoringNamespace(String variant) {
        ObjectNode policy = Rendered.ofKind(variant, "NetworkPolicy").stream()
                .filter(np -> Rendered.name(np).equals("gateway-ingress")).findFirst().orElseThrow();
        int rules = 0;
        for (JsonNode rule : policy.at("/spec/ingress")) {
            if (rule.path("ports").findValuesAsText("port").contains("8079")) {
                rules++;
                assertThat(rule.path("from").findValuesAsText("kubernetes.io/metadata.name")).containsExactly("monitoring");
            }
        }
        assertThat(rules).as("rules admitting the management port").isEqualTo(1);
    }
}
