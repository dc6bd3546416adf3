package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rendered object is valid against a maintained model of its API: built-in kinds against the Kubernetes
 * OpenAPI definitions and fabric8's model with unknown fields refused, Strimzi's kinds against Strimzi's model.
 * The other operators' kinds have no model on Maven Central: their apiVersion and kind are checked, and the fields
 * the suite depends on.
 */
class ManifestSchemaTest {

    /** Custom resources without a model on Maven Central, by apiVersion: the kinds the overlays may use. */
    private static final Map<String, Set<String>> OPERATOR_KINDS = Map.of(
            "k8s.mariadb.com/v1alpha1", Set.of("MariaDB", "Database", "User", "Grant"),
            "redis.redis.opstreelabs.in/v1beta2", Set.of("Redis", "RedisCluster"));

    private final KubernetesSchema schema = KubernetesSchema.get();
    private final ModelCheck model = new ModelCheck();

    static List<String> variants() {
        return Rendered.VARIANTS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyOverlayRendersToObjectsWithAKindANameAndOurNamespace(String variant) {
        List<ObjectNode> objects = Rendered.variant(variant);
        assertThat(objects).isNotEmpty();
        for (ObjectNode o : objects) {
            ObjectRef ref = ObjectRef.of(o);
            assertThat(ref.apiVersion()).as("apiVersion of %s", ref).isNotEmpty();
            assertThat(ref.kind()).as("kind of %s", ref).isNotEmpty();
            assertThat(ref.name()).as("name of %s", ref).isNotEmpty();
            if (schema.isNamespaced(ref)) {
                assertThat(ref.namespace()).as("namespace of %s", ref).isEqualTo("ticketing");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyBuiltInObjectIsValidAgainstTheKubernetesApiDefinitions(String variant) {
        assertThat(errors(variant, schema::isBuiltIn, schema::validate)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyBuiltInAndStrimziObjectReadsIntoItsModelWithNoUnknownFieldAndEveryRequiredOne(String variant) {
        assertThat(errors(variant, ref -> schema.isBuiltIn(ref) || model.isStrimzi(ref), model::check)).isEmpty();
    }

    /** The errors {@code check} finds in the objects of {@code variant} that {@code applies} selects, each with its object. */
    private static List<String> errors(String variant, Predicate<ObjectRef> applies,
                                       Function<JsonNode, List<String>> check) {
        List<String> errors = new ArrayList<>();
        for (ObjectNode o : Rendered.variant(variant)) {
            ObjectRef ref = ObjectRef.of(o);
            if (applies.test(ref)) {
                check.apply(o).forEach(e -> errors.add(ref + ": " + e));
            }
        }
        return errors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyObjectIsABuiltInAStrimziKindOrAKnownOperatorKind(String variant) {
        for (ObjectNode o : Rendered.variant(variant)) {
            ObjectRef ref = ObjectRef.of(o);
            boolean known = schema.isBuiltIn(ref) || model.isStrimzi(ref)
                    || OPERATOR_KINDS.getOrDefault(ref.apiVersion(), Set.of()).contains(ref.kind());
            assertThat(known).as("%s has a model or is a known operator kind", ref).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyMariaDbResourceNamesTheServerAndEveryServiceHasItsSchemaUserAndGrant(String variant) {
        List<ObjectNode> objects = Rendered.variant(variant);
        assertThat(Rendered.ofKind(variant, "MariaDB")).extracting(Rendered::name).containsExactly("mariadb");
        for (String service : List.of("user-service", "concert-service", "reservation-service", "payment-service")) {
            String schemaName = service.replace('-', '_');
            JsonNode db = one(objects, "Database", service);
            JsonNode user = one(objects, "User", service);
            JsonNode grant = one(objects, "Grant", service);
            for (JsonNode r : List.of(db, user, grant)) {
                assertThat(r.at("/spec/mariaDbRef/name").asText()).as("%s of %s", r.path("kind").asText(), service)
                        .isEqualTo("mariadb");
            }
            assertThat(db.at("/spec/name").asText()).isEqualTo(schemaName);
            assertThat(user.at("/spec/name").asText()).isEqualTo(schemaName);
            assertThat(user.at("/spec/passwordSecretKeyRef/name").asText()).isEqualTo(service + "-db");
            assertThat(grant.at("/spec/database").asText()).isEqualTo(schemaName);
            assertThat(grant.at("/spec/username").asText()).isEqualTo(schemaName);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void theRedisTheSuiteUsesNeverEvictsAndEveryRedisClientPointsAtIt(String variant) {
        List<ObjectNode> redis = new ArrayList<>(Rendered.ofKind(variant, "Redis"));
        redis.addAll(Rendered.ofKind(variant, "RedisCluster"));
        assertThat(redis).isNotEmpty();
        for (ObjectNode r : redis) {
            String configMap = r.at("/spec/redisConfig/additionalRedisConfig").asText(
                    r.at("/spec/redisLeader/redisConfig/additionalRedisConfig").asText());
            JsonNode cm = one(Rendered.variant(variant), "ConfigMap", configMap);
            assertThat(cm.at("/data/redis-additional.conf").asText()).as("settings of %s", Rendered.name(r))
                    .contains("maxmemory-policy noeviction");
        }
        JsonNode shared = one(Rendered.variant(variant), "ConfigMap", "ticketing-shared");
        String host = shared.at("/data/redis-host").asText();
        assertThat(Rendered.ofKind(variant, "Redis").stream().map(Rendered::name).toList()
                .contains(host) || host.equals("redis-cluster-leader")).as("redis-host %s is a Redis of the overlay", host).isTrue();
    }

    @Test
    void theChecksRefuseAnUnknownFieldAWrongTypeAndAMissingRequiredField() {
        ObjectNode broken = Yaml.readAll("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: broken}
                spec:
                  replicas: two
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - image: example/x:1
                          readinessProbe: {httpGet: {path: /, port: 80}, periodSecondz: 5}
                """, "test").get(0);
        assertThat(String.join("\n", schema.validate(broken)))
                .contains("periodSecondz").contains("missing required properties ([\"name\"])").contains("/spec/replicas");
        assertThat(model.check(broken)).isNotEmpty();

        ObjectNode pool = Yaml.readAll("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: pool, labels: {strimzi.io/cluster: c}}
                spec:
                  replicas: 1
                  storage: {type: ephemeral}
                  rolez: [broker]
                """, "test").get(0);
        assertThat(model.check(pool)).singleElement().asString().contains("rolez");
        pool.with("spec").remove("rolez");
        assertThat(model.check(pool)).singleElement().asString().contains("/spec/roles: required");
    }

    private static JsonNode one(List<ObjectNode> objects, String kind, String name) {
        List<ObjectNode> found = objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && Rendered.name(o).equals(name)).toList();
        assertThat(found).as("%s %s", kind, name).hasSize(1);
        return found.get(0);
    }
}
