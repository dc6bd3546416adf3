package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays of deploy/k8s, each rendered once per test run, and the repository they come from. */
final class Rendered {

    static final Path REPO = Path.of(System.getProperty("ticketing.repo.root", "..")).toAbsolutePath().normalize();
    static final Path K8S = REPO.resolve("deploy/k8s");

    /** What is applied: the two overlays (prod runs the waiting rooms on the Redis Cluster). */
    static final List<String> VARIANTS = List.of("dev", "prod");

    private static final Map<String, List<ObjectNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    static Stream<String> variants() {
        return VARIANTS.stream();
    }

    static List<ObjectNode> variant(String name) {
        return CACHE.computeIfAbsent(name, Rendered::render);
    }

    private static List<ObjectNode> render(String name) {
        Kustomize kustomize = new Kustomize(KubernetesSchema.get());
        return kustomize.build(K8S.resolve("overlays").resolve(name));
    }

    static List<ObjectNode> ofKind(String variant, String kind) {
        return variant(variant).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static ObjectNode podSpec(ObjectNode workload) {
        return (ObjectNode) workload.path("spec").path("template").path("spec");
    }

    static List<JsonNode> containers(ObjectNode workload) {
        List<JsonNode> all = new ArrayList<>();
        podSpec(workload).path("initContainers").forEach(all::add);
        podSpec(workload).path("containers").forEach(all::add);
        return all;
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** The project module a container runs: the image is ticketing/<module>:<tag> (the root Dockerfile's MODULE). */
    static String module(JsonNode container) {
        String image = Kustomize.imageName(container.path("image").asText());
        return image.substring(image.lastIndexOf('/') + 1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
