package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite's rules for its own pods: probes, resources, a non-root user, graceful shutdown, pinned images, env. */
class WorkloadRulesTest {

    static List<String> variants() {
        return Rendered.VARIANTS;
    }

    private static List<ObjectNode> deployments(String variant) {
        List<ObjectNode> d = Rendered.ofKind(variant, "Deployment");
        assertThat(d).extracting(Rendered::name).contains("discovery", "gateway", "queue-service", "user-service",
                "concert-service", "reservation-service", "payment-service");
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyDeploymentHasStartupLivenessAndReadinessProbesOnTheActuatorGroups(String variant) {
        for (ObjectNode d : deployments(variant)) {
            for (JsonNode c : Rendered.containers(d)) {
                String where = Rendered.name(d) + "/" + c.path("name").asText();
                assertThat(c.at("/startupProbe/httpGet/path").asText()).as("startup probe of %s", where)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(c.at("/livenessProbe/httpGet/path").asText()).as("liveness probe of %s", where)
                        .isEqualTo("/actuator/health/liveness");
                assertThat(c.at("/readinessProbe/httpGet/path").asText()).as("readiness probe of %s", where)
                        .isEqualTo("/actuator/health/readiness");
                String port = c.at("/readinessProbe/httpGet/port").asText();
                assertThat(c.path("ports").findValuesAsText("name")).as("probe port %s of %s", port, where).contains(port);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyContainerRequestsAndLimitsCpuAndMemoryWithRequestsWithinLimits(String variant) {
        for (ObjectNode d : deployments(variant)) {
            for (JsonNode c : Rendered.containers(d)) {
                String where = Rendered.name(d) + "/" + c.path("name").asText();
                for (String resource : List.of("cpu", "memory")) {
                    JsonNode request = c.at("/resources/requests/" + resource);
                    JsonNode limit = c.at("/resources/limits/" + resource);
                    assertThat(request.isMissingNode()).as("%s request of %s", resource, where).isFalse();
                    assertThat(limit.isMissingNode()).as("%s limit of %s", resource, where).isFalse();
                    assertThat(Quantity.getAmountInBytes(new Quantity(request.asText()))
                            .compareTo(Quantity.getAmountInBytes(new Quantity(limit.asText()))))
                            .as("%s request within the limit for %s", resource, where).isLessThanOrEqualTo(0);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyPodRunsAsTheImagesNonRootUserWithoutPrivilegeEscalation(String variant) {
        for (ObjectNode d : deployments(variant)) {
            JsonNode pod = Rendered.podSpec(d).path("securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean(false)).as("runAsNonRoot of %s", Rendered.name(d)).isTrue();
            // The Dockerfile's user app (uid and gid 10001).
            assertThat(pod.path("runAsUser").asInt(0)).as("runAsUser of %s", Rendered.name(d)).isEqualTo(10001);
            assertThat(pod.path("runAsGroup").asInt(0)).as("runAsGroup of %s", Rendered.name(d)).isEqualTo(10001);
            for (JsonNode c : Rendered.containers(d)) {
                String where = Rendered.name(d) + "/" + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as("privilege escalation of %s", where).isFalse();
                assertThat(sc.path("privileged").asBoolean(false)).as("privileged %s", where).isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean(false)).as("read-only root of %s", where).isTrue();
                assertThat(sc.at("/capabilities/drop").toString()).as("capabilities of %s", where).contains("ALL");
                assertThat(sc.has("runAsUser") && sc.path("runAsUser").asInt() == 0).as("root user in %s", where).isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyDeploymentWaitsBeforeSigtermAndGivesTheShutdownTimeToFinish(String variant) {
        for (ObjectNode d : deployments(variant)) {
            int grace = Rendered.podSpec(d).path("terminationGracePeriodSeconds").asInt(30);
            for (JsonNode c : Rendered.containers(d)) {
                JsonNode preStop = c.at("/lifecycle/preStop");
                assertThat(preStop.isMissingNode()).as("preStop of %s", Rendered.name(d)).isFalse();
                int wait = preStop.has("sleep") ? preStop.at("/sleep/seconds").asInt()
                        : Integer.parseInt(preStop.at("/exec/command").toString().replaceAll(".*sleep (\\d+).*", "$1"));
                // Spring's graceful shutdown: spring.lifecycle.timeout-per-shutdown-phase = 10 s (ticketing-defaults).
                assertThat(grace).as("grace period of %s vs preStop %d s + 10 s shutdown", Rendered.name(d), wait)
                        .isGreaterThanOrEqualTo(wait + 10);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyImageIsAProjectImagePinnedToAVersion(String variant) {
        for (ObjectNode d : deployments(variant)) {
            for (JsonNode c : Rendered.containers(d)) {
                String image = c.path("image").asText();
                String tag = image.contains("@") ? image.substring(image.indexOf('@') + 1)
                        : image.substring(Kustomize.imageName(image).length()).replaceFirst("^:", "");
                assertThat(tag).as("tag of %s", image).isNotEmpty().isNotEqualTo("latest");
                assertThat(Rendered.REPO.resolve(Rendered.module(c)).resolve("pom.xml"))
                        .as("the module of image %s", image).exists();
            }
        }
        for (ObjectNode o : Rendered.variant(variant)) {
            for (JsonNode image : o.findValues("image")) {
                if (image.isTextual()) {
                    assertThat(image.asText()).as("image in %s", ObjectRef.of(o)).doesNotEndWith(":latest").contains(":");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyProcessListensOnThePodAddressWhereItsCallersReachIt(String variant) {
        for (ObjectNode d : deployments(variant)) {
            JsonNode c = Rendered.containers(d).get(0);
            if (Rendered.name(d).equals("gateway")) {
                assertThat(env(c, "GATEWAY_ADDRESS")).isEqualTo("0.0.0.0");
                assertThat(env(c, "MANAGEMENT_ADDRESS")).isEqualTo("0.0.0.0");
                assertThat(env(c, "MANAGEMENT_PORT")).isEqualTo("8079");
            } else {
                assertThat(env(c, "SERVER_ADDRESS")).as("SERVER_ADDRESS of %s", Rendered.name(d)).isEqualTo("0.0.0.0");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyEnvironmentVariableAContainerSetsIsOneItsServiceReads(String variant) {
        List<String> unread = new ArrayList<>();
        for (ObjectNode d : deployments(variant)) {
            for (JsonNode c : Rendered.containers(d)) {
                Set<String> read = ServiceSettings.environmentRead(Rendered.module(c));
                assertThat(c.has("envFrom")).as("envFrom in %s (takes keys nobody checks)", Rendered.name(d)).isFalse();
                for (JsonNode e : c.path("env")) {
                    if (!read.contains(e.path("name").asText())) {
                        unread.add(Rendered.name(d) + ": " + e.path("name").asText());
                    }
                }
            }
        }
        assertThat(unread).as("variables no file of the service reads").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyConfigMapKeyAPodReadsExists(String variant) {
        List<ObjectNode> configMaps = Rendered.ofKind(variant, "ConfigMap");
        for (ObjectNode d : deployments(variant)) {
            for (JsonNode ref : d.findValues("configMapKeyRef")) {
                String name = ref.path("name").asText();
                String key = ref.path("key").asText();
                assertThat(configMaps.stream().anyMatch(cm -> Rendered.name(cm).equals(name) && cm.path("data").has(key)))
                        .as("ConfigMap %s key %s used by %s", name, key, Rendered.name(d)).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void noSecretValueIsInTheRepositoryAndEverySecretAPodNeedsIsDocumented(String variant) {
        assertThat(Rendered.ofKind(variant, "Secret")).as("Secrets in the manifests").isEmpty();
        String operate = Rendered.read(Rendered.REPO.resolve("docs/operate.md"));
        Set<String> referenced = new TreeSet<>();
        for (ObjectNode o : Rendered.variant(variant)) {
            o.findValues("secretKeyRef").forEach(r -> referenced.add(r.path("name").asText()));
            o.findValues("passwordSecretKeyRef").forEach(r -> {
                if (!r.path("generate").asBoolean(false)) {
                    referenced.add(r.path("name").asText());
                }
            });
            o.findValues("secretName").forEach(n -> referenced.add(n.asText()));
        }
        assertThat(referenced).isNotEmpty();
        for (String secret : referenced) {
            boolean documented = java.util.regex.Pattern.compile(
                    "kubectl[^\\n]*create secret[^\\n]*\\b" + secret + "\\b").matcher(operate).find();
            assertThat(documented).as("docs/operate.md has the kubectl command that creates Secret %s", secret).isTrue();
        }
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        return null;
    }
}
