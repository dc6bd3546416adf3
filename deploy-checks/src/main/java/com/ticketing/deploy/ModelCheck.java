package com.ticketing.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an object into its Java model and reports what the model refuses: fabric8's kubernetes-model for built-in
 * kinds, Strimzi's own API model ({@code io.strimzi:api}) for Kafka, KafkaNodePool and KafkaTopic.
 *
 * <p>Both models keep unknown fields in a catch-all map ({@code @JsonAnySetter additionalProperties}), which would make
 * FAIL_ON_UNKNOWN_PROPERTIES useless; the mapper here ignores that catch-all, so an unknown or misspelt field is an
 * error with its path. Then every property the model marks {@code @JsonProperty(required = true)} must be set
 * (Strimzi marks its required fields this way; fabric8 leaves that to the OpenAPI check, {@link KubernetesSchema}).
 */
public final class ModelCheck {

    /** The Strimzi kinds the overlays use, read into Strimzi's model classes. */
    private static final List<Class<? extends KubernetesResource>> STRIMZI = List.of(Kafka.class, KafkaNodePool.class,
            KafkaTopic.class);

    private final ObjectMapper mapper;
    private final KubernetesDeserializer kinds = new KubernetesDeserializer();

    public ModelCheck() {
        this.mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);
        this.mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated a) {
                return Boolean.FALSE;
            }
        });
        // Each class names one version in its annotations; the v1 resources read into the same classes.
        for (Class<? extends KubernetesResource> c : STRIMZI) {
            for (String version : List.of("v1", "v1beta2")) {
                kinds.registerCustomKind("kafka.strimzi.io/" + version, c.getSimpleName(), c);
            }
        }
    }

    /** True when a model class exists for the object's apiVersion and kind. */
    public boolean hasModel(ObjectRef ref) {
        return modelClass(ref) != null;
    }

    public boolean isStrimzi(ObjectRef ref) {
        Class<?> c = modelClass(ref);
        return c != null && STRIMZI.contains(c);
    }

    private Class<? extends KubernetesResource> modelClass(ObjectRef ref) {
        Class<? extends KubernetesResource> c = kinds.getRegisteredKind(ref.apiVersion(), ref.kind());
        return c == null || c.getName().endsWith("GenericKubernetesResource") ? null : c;
    }

    /** The errors of one object; empty when the model reads it whole and every required property is set. */
    public List<String> check(JsonNode object) {
        ObjectRef ref = ObjectRef.of(object);
        Class<? extends KubernetesResource> type = modelClass(ref);
        if (type == null) {
            return List.of("no model class for apiVersion " + ref.apiVersion() + " kind " + ref.kind());
        }
        Object value;
        try {
            value = mapper.treeToValue(object, type);
        } catch (JsonMappingException e) {
            return List.of(path(e) + ": " + e.getOriginalMessage());
        } catch (Exception e) {
            return List.of(e.getMessage());
        }
        List<String> errors = new ArrayList<>();
        requireProperties(value, "", errors, new IdentityHashMap<>());
        return errors;
    }

    private void requireProperties(Object value, String path, List<String> errors, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                requireProperties(item, path + "/" + i++, errors, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> requireProperties(v, path + "/" + k, errors, seen));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8.kubernetes.api.model") && !pkg.startsWith("io.strimzi.api")) {
            return;
        }
        BeanDescription bean = mapper.getSerializationConfig().introspect(mapper.constructType(value.getClass()));
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (!p.hasGetter()) {
                continue;
            }
            Object v;
            try {
                v = p.getGetter().getValue(value);
            } catch (Exception e) {
                continue;
            }
            if (v == null && p.isRequired()) {
                errors.add(path + "/" + p.getName() + ": required by the model but not set");
            }
            requireProperties(v, path + "/" + p.getName(), errors, seen);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
