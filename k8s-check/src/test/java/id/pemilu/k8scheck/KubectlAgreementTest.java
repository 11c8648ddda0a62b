package id.pemilu.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Where kubectl is installed (this machine has kubectl with kustomize 5.5), k8s-check's renderer must produce exactly
 * what {@code kubectl kustomize} produces for each overlay: same objects, same content. Skipped without kubectl
 * (the other tests then rely on the renderer alone).
 */
class KubectlAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production", "production-keda"})
    void rendererAgreesWithKubectlKustomize(String overlay) throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");
        Process p = new ProcessBuilder("kubectl", "kustomize", Repo.overlay(overlay).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assumeTrue(p.exitValue() == 0 || !out.isEmpty(), "kubectl kustomize did not run");
        assertThat(p.exitValue()).as("kubectl kustomize exit code").isZero();

        Map<String, JsonNode> kubectl = byId(Yaml.readAll(out));
        Map<String, JsonNode> ours = byId(List.copyOf(Repo.render(overlay)));
        assertThat(ours.keySet()).isEqualTo(kubectl.keySet());
        for (String id : ours.keySet()) {
            assertThat(ours.get(id)).as(id).isEqualTo(kubectl.get(id));
        }
    }

    private static Map<String, JsonNode> byId(List<? extends JsonNode> objects) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode o : objects) {
            assertThat(out.put(Kustomize.id(o), o)).as("duplicate " + Kustomize.id(o)).isNull();
        }
        return out;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
