package com.ticketing.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Kustomize subset that renders deploy/k8s behaves as Kustomize does, and refuses what it does not do. */
class KustomizeTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                    - name: web
                      image: example/web:1.0
                      args: [a, b]
                      env:
                        - {name: A, value: "1"}
                        - {name: B, value: "2"}
                    - name: sidecar
                      image: example/sidecar:2.0
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {x: "1"}
            """;

    @TempDir
    Path dir;

    private final Kustomize kustomize = new Kustomize(KubernetesSchema.get());

    private Path write(String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private List<ObjectNode> build(String kustomization) throws IOException {
        write("base/resources.yaml", DEPLOYMENT);
        write("base/kustomization.yaml", "resources: [resources.yaml]\n");
        write("overlay/kustomization.yaml", kustomization);
        return kustomize.build(dir.resolve("overlay"));
    }

    private static JsonNode find(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    @Test
    void shouldMergeContainersAndEnvByTheirNameAsTheApiSchemaSays() throws IOException {
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - {name: B, value: "20"}
                            - {name: C, value: "3"}
                """);
        JsonNode web = find(build("resources: [../base]\npatches:\n  - path: patch.yaml\n"), "Deployment");
        JsonNode containers = web.at("/spec/template/spec/containers");
        assertThat(containers).hasSize(2);
        assertThat(containers.get(0).path("image").asText()).isEqualTo("example/web:1.0");
        assertThat(containers.get(0).path("env").toString())
                .isEqualTo("[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"20\"},{\"name\":\"C\",\"value\":\"3\"}]");
    }

    @Test
    void shouldReplaceAListThatHasNoMergeKeyAndRemoveAKeySetToNull() throws IOException {
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          args: [c]
                          image: null
                """);
        JsonNode web = find(build("resources: [../base]\npatches:\n  - path: patch.yaml\n"), "Deployment");
        assertThat(web.at("/spec/template/spec/containers/0/args").toString()).isEqualTo("[\"c\"]");
        assertThat(web.at("/spec/template/spec/containers/0").has("image")).isFalse();
    }

    @Test
    void shouldApplyAJsonPatchToItsTarget() throws IOException {
        write("overlay/ops.yaml", """
                - {op: replace, path: /spec/template/spec/containers/1/image, value: example/sidecar:3.0}
                - {op: add, path: /spec/template/spec/containers/0/args/-, value: z}
                - {op: remove, path: /spec/template/spec/containers/0/env/0}
                """);
        JsonNode web = find(build("""
                resources: [../base]
                patches:
                  - path: ops.yaml
                    target: {group: apps, kind: Deployment, name: web}
                """), "Deployment");
        assertThat(web.at("/spec/template/spec/containers/1/image").asText()).isEqualTo("example/sidecar:3.0");
        assertThat(web.at("/spec/template/spec/containers/0/args").toString()).isEqualTo("[\"a\",\"b\",\"z\"]");
        assertThat(web.at("/spec/template/spec/containers/0/env/0/name").asText()).isEqualTo("B");
    }

    @Test
    void shouldRefuseAPatchThatMatchesNoObject() throws IOException {
        write("overlay/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec: {replicas: 2}\n");
        assertThatThrownBy(() -> build("resources: [../base]\npatches:\n  - path: patch.yaml\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("matches 0 objects");
    }

    @Test
    void shouldRefuseAJsonPatchPathThatDoesNotExist() throws IOException {
        write("overlay/ops.yaml", "- {op: replace, path: /spec/replicaz, value: 2}\n");
        assertThatThrownBy(() -> build("""
                resources: [../base]
                patches:
                  - path: ops.yaml
                    target: {kind: Deployment, name: web}
                """)).isInstanceOf(ManifestException.class).hasMessageContaining("missing value at /spec/replicaz");
    }

    @Test
    void shouldRefuseAKustomizationFieldItDoesNotImplement() throws IOException {
        assertThatThrownBy(() -> build("resources: [../base]\nnamePrefix: x-\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("'namePrefix' is not supported");
    }

    @Test
    void shouldSetTheNamespaceOnNamespacedObjectsOnly() throws IOException {
        List<ObjectNode> objects = build("resources: [../base]\nnamespace: shop\n");
        assertThat(find(objects, "Deployment").at("/metadata/namespace").asText()).isEqualTo("shop");
        assertThat(find(objects, "ConfigMap").at("/metadata/namespace").asText()).isEqualTo("shop");
        assertThat(find(objects, "Namespace").at("/metadata").has("namespace")).isFalse();
    }

    @Test
    void shouldAddLabelsToEveryObjectAndToPodTemplatesOnlyWhenAsked() throws IOException {
        List<ObjectNode> objects = build("""
                resources: [../base]
                labels:
                  - pairs: {team: tickets}
                    includeTemplates: true
                  - pairs: {tier: web}
                """);
        JsonNode web = find(objects, "Deployment");
        assertThat(web.at("/metadata/labels/team").asText()).isEqualTo("tickets");
        assertThat(web.at("/spec/template/metadata/labels/team").asText()).isEqualTo("tickets");
        assertThat(web.at("/spec/template/metadata/labels").has("tier")).isFalse();
        assertThat(web.at("/spec/selector/matchLabels").has("team")).isFalse();
        assertThat(find(objects, "ConfigMap").at("/metadata/labels/tier").asText()).isEqualTo("web");
    }

    @Test
    void shouldSetImageTagsAndNamesByImageName() throws IOException {
        JsonNode web = find(build("""
                resources: [../base]
                images:
                  - {name: example/web, newTag: "1.1"}
                  - {name: example/sidecar, newName: registry.example:5000/example/sidecar}
                """), "Deployment");
        assertThat(web.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("example/web:1.1");
        assertThat(web.at("/spec/template/spec/containers/1/image").asText())
                .isEqualTo("registry.example:5000/example/sidecar:2.0");
    }

    @Test
    void shouldLetAComponentPatchTheObjectsOfTheKustomizationThatIncludesIt() throws IOException {
        write("component/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {y: \"2\"}\n");
        write("component/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {x: \"9\"}\n");
        write("component/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                resources: [extra.yaml]
                patches:
                  - path: patch.yaml
                """);
        List<ObjectNode> objects = build("resources: [../base]\ncomponents: [../component]\nnamespace: shop\n");
        assertThat(objects).extracting(o -> o.at("/metadata/name").asText()).contains("extra", "settings");
        JsonNode settings = objects.stream().filter(o -> o.at("/metadata/name").asText().equals("settings")).findFirst().orElseThrow();
        assertThat(settings.at("/data/x").asText()).isEqualTo("9");
        assertThat(settings.at("/metadata/namespace").asText()).isEqualTo("shop");
    }

    @Test
    void shouldRefuseTheSameObjectTwice() throws IOException {
        write("overlay/again.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n");
        assertThatThrownBy(() -> build("resources: [../base, again.yaml]\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("defined twice");
    }

    @Test
    void shouldRefuseAResourceThatDoesNotExist() throws IOException {
        assertThatThrownBy(() -> build("resources: [../base, missing.yaml]\n"))
                .isInstanceOf(ManifestException.class).hasMessageContaining("missing.yaml does not exist");
    }
}
