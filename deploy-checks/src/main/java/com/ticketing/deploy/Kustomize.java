package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory as {@code kubectl kustomize} does, for the subset of Kustomize that deploy/k8s uses
 * (kubectl is not installed where the build runs). Every other field of a kustomization is refused, so a manifest
 * can never rely on a feature that is silently skipped here.
 *
 * <ul>
 *   <li>{@code resources}: YAML files (several documents each) and directories holding a Kustomization;</li>
 *   <li>{@code components}: directories holding a Component ({@code kind: Component}); its resources join the
 *       including kustomization's, and its transformers then act on all of them, as in Kustomize;</li>
 *   <li>{@code patches}: from {@code path} or inline {@code patch}; a strategic merge patch (a mapping) finds its
 *       target by apiVersion, kind and name, or by an explicit {@code target}; a JSON 6902 patch (a list of
 *       operations) needs a {@code target}. A target is {@code group}, {@code version}, {@code kind}, {@code name},
 *       {@code namespace}, matched exactly (no regular expressions, no label selectors). A patch that matches
 *       nothing is an error, as it is in Kustomize for strategic merge patches;</li>
 *   <li>{@code namespace}: set on every namespaced object (the scope comes from the API definitions);</li>
 *   <li>{@code labels}: {@code pairs} added to every object's labels, and with {@code includeTemplates: true} to the
 *       pod templates of workloads; {@code includeSelectors: true} is refused (selectors are written out);</li>
 *   <li>{@code images}: {@code name} with {@code newName}, {@code newTag} or {@code digest}, applied to the
 *       containers and init containers of pod templates.</li>
 * </ul>
 * Transformers run in Kustomize's order: patches, namespace, labels, images. Two objects with the same kind, group,
 * namespace and name are an error.
 */
public final class Kustomize {

    private static final String FILE_NAME = "kustomization.yaml";
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "components", "patches",
            "namespace", "labels", "images");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    private final KubernetesSchema schema;
    private final StrategicMergePatch strategicMerge;

    public Kustomize(KubernetesSchema schema) {
        this.schema = schema;
        this.strategicMerge = new StrategicMergePatch(schema);
    }

    /** Renders the Kustomization in {@code dir}. */
    public List<ObjectNode> build(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return accumulate(d, read(d), "Kustomization", new ArrayList<>());
    }

    /** Renders {@code kustomization} as if it were the kustomization.yaml of {@code dir} (a variant of an overlay). */
    public List<ObjectNode> build(Path dir, ObjectNode kustomization) {
        return accumulate(dir.toAbsolutePath().normalize(), kustomization, "Kustomization", new ArrayList<>());
    }

    public static ObjectNode read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new ManifestException(dir + ": no " + FILE_NAME);
        }
        return Yaml.readOne(file);
    }

    private List<ObjectNode> accumulate(Path dir, ObjectNode k, String expectedKind, List<ObjectNode> inherited) {
        Path file = dir.resolve(FILE_NAME);
        String kind = k.path("kind").asText("Kustomization");
        if (!kind.equals(expectedKind)) {
            throw new ManifestException(file + ": kind " + kind + " where a " + expectedKind + " is expected");
        }
        k.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new ManifestException(file + ": field '" + f + "' is not supported by this renderer (Kustomize subset)");
            }
        });
        List<ObjectNode> objects = expectedKind.equals("Component") ? inherited : new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(accumulate(p, read(p), "Kustomization", new ArrayList<>()));
            } else if (Files.isRegularFile(p)) {
                objects.addAll(Yaml.readAll(p));
            } else {
                throw new ManifestException(file + ": resource " + r.asText() + " does not exist");
            }
            requireUniqueIds(objects, file);
        }
        for (JsonNode c : k.path("components")) {
            Path p = dir.resolve(c.asText()).normalize();
            if (!Files.isDirectory(p)) {
                throw new ManifestException(file + ": component " + c.asText() + " is not a directory");
            }
            objects = accumulate(p, read(p), "Component", objects);
            requireUniqueIds(objects, file);
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(patch, dir, file, objects);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode o : objects) {
                if (schema.isNamespaced(ObjectRef.of(o))) {
                    metadata(o).put("namespace", ns);
                }
            }
        }
        for (JsonNode labels : k.path("labels")) {
            applyLabels(labels, file, objects);
        }
        for (JsonNode image : k.path("images")) {
            applyImage(image, file, objects);
        }
        requireUniqueIds(objects, file);
        return objects;
    }

    private void applyPatch(JsonNode entry, Path dir, Path file, List<ObjectNode> objects) {
        String source;
        String text;
        try {
            if (entry.hasNonNull("path")) {
                Path p = dir.resolve(entry.get("path").asText()).normalize();
                source = p.toString();
                text = Files.readString(p);
            } else if (entry.hasNonNull("patch")) {
                source = file + " (inline patch)";
                text = entry.get("patch").asText();
            } else {
                throw new ManifestException(file + ": a patch needs 'path' or 'patch'");
            }
        } catch (IOException e) {
            throw new ManifestException(file + ": patch " + entry + " cannot be read: " + e.getMessage());
        }
        JsonNode target = entry.path("target");
        JsonNode content;
        try {
            content = Yaml.MAPPER.readTree(text);
        } catch (IOException e) {
            content = null;
        }
        if (content != null && content.isArray()) {
            if (target.isMissingNode()) {
                throw new ManifestException(source + ": a JSON 6902 patch needs a target");
            }
            List<ObjectNode> matched = select(objects, target);
            if (matched.isEmpty()) {
                throw new ManifestException(source + ": patch target " + target + " matches no object");
            }
            for (ObjectNode o : matched) {
                JsonPatch.apply(o, (ArrayNode) content, source);
            }
            return;
        }
        for (ObjectNode patch : Yaml.readAll(text, source)) {
            List<ObjectNode> matched;
            if (target.isMissingNode()) {
                ObjectRef ref = ObjectRef.of(patch);
                matched = objects.stream().filter(o -> {
                    ObjectRef r = ObjectRef.of(o);
                    return r.apiVersion().equals(ref.apiVersion()) && r.kind().equals(ref.kind())
                            && r.name().equals(ref.name())
                            && (ref.namespace().isEmpty() || ref.namespace().equals(r.namespace()));
                }).toList();
                if (matched.size() != 1) {
                    throw new ManifestException(source + ": patch for " + ref + " matches " + matched.size()
                            + " objects (needs exactly one)");
                }
            } else {
                matched = select(objects, target);
                if (matched.isEmpty()) {
                    throw new ManifestException(source + ": patch target " + target + " matches no object");
                }
            }
            for (ObjectNode o : matched) {
                ObjectNode p = patch.deepCopy();
                // The patch names its target; it never renames it.
                p.remove("apiVersion");
                p.remove("kind");
                if (p.path("metadata").isObject()) {
                    ((ObjectNode) p.get("metadata")).remove("name");
                    ((ObjectNode) p.get("metadata")).remove("namespace");
                }
                strategicMerge.apply(o, p);
            }
        }
    }

    private static List<ObjectNode> select(List<ObjectNode> objects, JsonNode target) {
        target.fieldNames().forEachRemaining(f -> {
            if (!Set.of("group", "version", "kind", "name", "namespace").contains(f)) {
                throw new ManifestException("patch target field '" + f + "' is not supported by this renderer");
            }
        });
        return objects.stream().filter(o -> {
            ObjectRef r = ObjectRef.of(o);
            return matches(target, "group", r.group()) && matches(target, "version", r.version())
                    && matches(target, "kind", r.kind()) && matches(target, "name", r.name())
                    && matches(target, "namespace", r.namespace());
        }).toList();
    }

    private static boolean matches(JsonNode target, String field, String value) {
        return !target.has(field) || target.get(field).asText().equals(value);
    }

    private void applyLabels(JsonNode entry, Path file, List<ObjectNode> objects) {
        if (entry.path("includeSelectors").asBoolean(false)) {
            throw new ManifestException(file + ": labels.includeSelectors is not supported by this renderer");
        }
        boolean templates = entry.path("includeTemplates").asBoolean(false);
        JsonNode pairs = entry.path("pairs");
        for (ObjectNode o : objects) {
            putAll(metadata(o).withObject("/labels"), pairs);
            if (templates && WORKLOADS.contains(o.path("kind").asText()) && schema.isBuiltIn(ObjectRef.of(o))) {
                putAll(o.withObject("/spec").withObject("/template").withObject("/metadata").withObject("/labels"), pairs);
            }
        }
    }

    private void applyImage(JsonNode entry, Path file, List<ObjectNode> objects) {
        String name = entry.path("name").asText("");
        if (name.isEmpty()) {
            throw new ManifestException(file + ": an images entry needs a name");
        }
        for (ObjectNode o : objects) {
            if (!WORKLOADS.contains(o.path("kind").asText()) || !schema.isBuiltIn(ObjectRef.of(o))) {
                continue;
            }
            JsonNode podSpec = o.path("spec").path("template").path("spec");
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : podSpec.path(list)) {
                    String image = c.path("image").asText("");
                    if (!imageName(image).equals(name)) {
                        continue;
                    }
                    String newName = entry.path("newName").asText(name);
                    String result;
                    if (entry.hasNonNull("digest")) {
                        result = newName + "@" + entry.get("digest").asText();
                    } else if (entry.hasNonNull("newTag")) {
                        result = newName + ":" + entry.get("newTag").asText();
                    } else {
                        result = newName + image.substring(imageName(image).length());
                    }
                    ((ObjectNode) c).put("image", result);
                }
            }
        }
    }

    /** The image reference without its tag or digest: {@code registry:5000/ticketing/gateway:0.1.0} → {@code registry:5000/ticketing/gateway}. */
    public static String imageName(String image) {
        int at = image.indexOf('@');
        String s = at >= 0 ? image.substring(0, at) : image;
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    private static void putAll(ObjectNode into, JsonNode pairs) {
        Iterator<Map.Entry<String, JsonNode>> it = pairs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            into.put(e.getKey(), e.getValue().asText());
        }
    }

    private static ObjectNode metadata(ObjectNode o) {
        return o.withObject("/metadata");
    }

    private static void requireUniqueIds(List<ObjectNode> objects, Path file) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode o : objects) {
            ObjectRef r = ObjectRef.of(o);
            if (!seen.add(r.group() + "/" + r.kind() + "/" + r.namespace() + "/" + r.name())) {
                throw new ManifestException(file + ": " + r + " is defined twice");
            }
        }
    }
}
