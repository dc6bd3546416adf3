package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Strategic merge patch, the subset our overlays use: mappings merge key by key (a null value removes the key);
 * a list whose API schema says {@code x-kubernetes-patch-strategy: merge} merges element by element on its
 * {@code x-kubernetes-patch-merge-key} (containers and env by {@code name}, volumeMounts by {@code mountPath}, ...),
 * an element with a new key is appended; every other list is replaced whole. The strategy and keys come from the
 * Kubernetes definitions ({@link KubernetesSchema}), never from a table of ours. Custom resources have no definition
 * there: their lists are replaced whole, as kustomize does for kinds it has no schema for.
 * Not supported (refused): {@code $patch}, {@code $retainKeys}, {@code $deleteFromPrimitiveList} and other directives.
 */
public final class StrategicMergePatch {

    private final KubernetesSchema schema;

    public StrategicMergePatch(KubernetesSchema schema) {
        this.schema = schema;
    }

    /** Patches {@code target} in place. */
    public void apply(ObjectNode target, ObjectNode patch) {
        JsonNode rootSchema = schema.definition(ObjectRef.of(target)).map(d -> (JsonNode) d)
                .orElse(MissingNode.getInstance());
        mergeObject(target, patch, rootSchema, "");
    }

    private void mergeObject(ObjectNode target, ObjectNode patch, JsonNode objectSchema, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (key.startsWith("$")) {
                throw new ManifestException("strategic merge directive " + key + " at " + path + " is not supported");
            }
            JsonNode fieldSchema = objectSchema.isMissingNode() ? MissingNode.getInstance()
                    : schema.property(objectSchema, key);
            JsonNode current = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && current != null && current.isObject()) {
                mergeObject((ObjectNode) current, (ObjectNode) value, fieldSchema, path + "/" + key);
            } else if (value.isArray() && current != null && current.isArray()
                    && "merge".equals(fieldSchema.path("x-kubernetes-patch-strategy").asText())
                    && fieldSchema.has("x-kubernetes-patch-merge-key")) {
                mergeList((ArrayNode) current, (ArrayNode) value, fieldSchema.get("x-kubernetes-patch-merge-key").asText(),
                        schema.items(fieldSchema), path + "/" + key);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private void mergeList(ArrayNode target, ArrayNode patch, String mergeKey, JsonNode itemSchema, String path) {
        for (JsonNode element : patch) {
            if (!element.isObject() || !element.has(mergeKey)) {
                throw new ManifestException("element of " + path + " lacks its merge key " + mergeKey + ": " + element);
            }
            ObjectNode match = null;
            for (JsonNode existing : target) {
                if (existing.isObject() && element.get(mergeKey).equals(existing.get(mergeKey))) {
                    match = (ObjectNode) existing;
                    break;
                }
            }
            if (match == null) {
                target.add(element.deepCopy());
            } else {
                mergeObject(match, (ObjectNode) element, itemSchema, path + "[" + mergeKey + "=" + element.get(mergeKey).asText() + "]");
            }
        }
    }
}
