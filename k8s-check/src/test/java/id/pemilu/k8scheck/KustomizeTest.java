package id.pemilu.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The renderer's subset of kustomize, on small kustomizations written here. */
class KustomizeTest {

    @TempDir
    Path dir;

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: web
                      image: example/web:1.0
                      env:
                        - name: A
                          value: "1"
                        - name: B
                          value: "2"
                      lifecycle:
                        preStop:
                          sleep:
                            seconds: 5
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector:
                app: web
            """;

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void patchesMergeByNameRemoveNullsAndDeleteObjects() throws IOException {
        write("base/kustomization.yaml", "resources: [app.yaml]\n");
        write("base/app.yaml", DEPLOYMENT);
        write("over/kustomization.yaml", """
                namespace: shop
                resources: [../base]
                patches:
                  - path: p.yaml
                images:
                  - name: example/web
                    newTag: "2.0"
                """);
        write("over/p.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - name: B
                              value: "3"
                            - name: C
                              value: "4"
                          lifecycle: null
                ---
                $patch: delete
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                """);
        List<ObjectNode> out = Kustomize.render(dir.resolve("over"));
        assertThat(out).hasSize(1);
        ObjectNode d = out.get(0);
        assertThat(d.path("metadata").path("namespace").asString()).isEqualTo("shop");
        assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(1);
        var c = d.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(c.path("image").asString()).isEqualTo("example/web:2.0");
        // kustomize's order: the patch's items first, then the others
        assertThat(c.path("env").toString()).isEqualTo(
                "[{\"name\":\"B\",\"value\":\"3\"},{\"name\":\"C\",\"value\":\"4\"},{\"name\":\"A\",\"value\":\"1\"}]");
        assertThat(c.has("lifecycle")).isFalse();
    }

    @Test
    void configMapGeneratorReadsFilesAndLiterals() throws IOException {
        write("k/kustomization.yaml", """
                generatorOptions:
                  disableNameSuffixHash: true
                configMapGenerator:
                  - name: realm
                    files: [data/realm.json]
                    literals: [MODE=dev]
                """);
        write("k/data/realm.json", "{\"realm\":\"x\"}\n");
        ObjectNode cm = Kustomize.render(dir.resolve("k")).get(0);
        assertThat(cm.path("data").path("realm.json").asString()).isEqualTo("{\"realm\":\"x\"}\n");
        assertThat(cm.path("data").path("MODE").asString()).isEqualTo("dev");
    }

    @Test
    void unsupportedFeaturesAreRefusedRatherThanRenderedWrongly() throws IOException {
        write("a/kustomization.yaml", "resources: []\ncommonLabels:\n  team: x\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commonLabels");
        write("b/kustomization.yaml", "configMapGenerator:\n  - name: x\n    literals: [A=1]\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("disableNameSuffixHash");
    }

    @Test
    void patchForAMissingObjectFails() throws IOException {
        write("c/kustomization.yaml", "resources: [app.yaml]\npatches:\n  - path: p.yaml\n");
        write("c/app.yaml", DEPLOYMENT);
        write("c/p.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n");
        assertThatThrownBy(() -> Kustomize.render(dir.resolve("c"))).hasMessageContaining("matches no object");
    }
}
