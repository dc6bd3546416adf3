package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.schema.validator.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes API's OpenAPI definitions as fabric8 publishes them on Maven Central
 * ({@code io.fabric8:kubernetes-model-validator}, resource {@code openshift-generated.json}: the upstream definitions
 * with their {@code required} lists, enums, {@code x-kubernetes-patch-merge-key} and the scope of every kind), and
 * fabric8's validator over them. Nothing here is a schema of our own: this class only looks definitions up.
 */
public final class KubernetesSchema {

    private static final String DEFINITIONS_RESOURCE = "openshift-generated.json";
    private static volatile KubernetesSchema instance;

    private final JsonNode definitions;
    private final Validator validator;

    private KubernetesSchema() {
        try (InputStream in = Validator.class.getClassLoader().getResourceAsStream(DEFINITIONS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITIONS_RESOURCE + " is not on the classpath (kubernetes-model-validator)");
            }
            this.definitions = new ObjectMapper().readTree(in).path("definitions");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.validator = Validator.newInstance();
    }

    /** One instance per JVM: parsing the definitions takes a few seconds. */
    public static KubernetesSchema get() {
        KubernetesSchema s = instance;
        if (s == null) {
            synchronized (KubernetesSchema.class) {
                s = instance;
                if (s == null) {
                    s = new KubernetesSchema();
                    instance = s;
                }
            }
        }
        return s;
    }

    /**
     * The definition of a built-in kind, named as Kubernetes names them: {@code io.k8s.api.<group>.<version>.<Kind>}
     * with the group's first label ({@code apps}, {@code networking}; {@code core} for ""). Empty for custom resources.
     */
    public Optional<ObjectNode> definition(ObjectRef ref) {
        String group = ref.group().isEmpty() ? "core" : ref.group().split("\\.")[0];
        JsonNode def = definitions.path("io.k8s.api." + group + "." + ref.version() + "." + ref.kind());
        if (def.isObject() && ref.kind().equals(def.path("x-fabric8-info").path("Kind").asText())) {
            return Optional.of((ObjectNode) def);
        }
        return Optional.empty();
    }

    public boolean isBuiltIn(ObjectRef ref) {
        return definition(ref).isPresent();
    }

    /** Cluster-scoped built-ins (Namespace, ClusterRole, ...) get no namespace; custom resources here are namespaced. */
    public boolean isNamespaced(ObjectRef ref) {
        return definition(ref)
                .map(d -> "Namespaced".equals(d.path("x-fabric8-info").path("Scope").asText()))
                .orElse(true);
    }

    /** The schema of {@code field} inside {@code schema}, following {@code $ref}s; missing node when unknown. */
    public JsonNode property(JsonNode schema, String field) {
        return resolve(resolve(schema).path("properties").path(field));
    }

    /** The schema of an array's items, following {@code $ref}s. */
    public JsonNode items(JsonNode arraySchema) {
        return resolve(resolve(arraySchema).path("items"));
    }

    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 16 && s.has("$ref"); i++) {
            String ref = s.get("$ref").asText();
            s = definitions.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    /**
     * Validates a built-in object against its definition: required fields, types, enums, and no property the API
     * does not define. Returns the errors, each as "path: message". One correction to the validator: Swagger 2 has
     * no "integer or string" type, so the definitions declare IntOrString and Quantity as strings, while the API
     * takes numbers for both ({@code port: 8080}, {@code cpu: 1}); a number there is not reported.
     */
    public List<String> validate(JsonNode object) {
        return validator.validate(object).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationMessage.Level.ERROR)
                .filter(m -> !isNumberForIntOrStringOrQuantity(m))
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static boolean isNumberForIntOrStringOrQuantity(ValidationMessage m) {
        String schema = m.getSchema() == null ? "" : m.getSchema();
        boolean lenientType = schema.endsWith("io.k8s.apimachinery.pkg.util.intstr.IntOrString")
                || schema.endsWith("io.k8s.apimachinery.pkg.api.resource.Quantity");
        return lenientType && (m.getMessage().contains("Instance type (integer)")
                || m.getMessage().contains("Instance type (number)"));
    }
}
