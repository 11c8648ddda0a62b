package id.pemilu.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Every overlay of k8s/ renders and passes every rule of {@link ManifestChecks}. */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production", "production-keda"})
    void overlayPassesEveryCheck(String overlay) {
        List<ObjectNode> objects = Repo.render(overlay);
        assertThat(objects).hasSizeGreaterThan(40);
        assertThat(ManifestChecks.problems(objects)).as("problems of overlay " + overlay).isEmpty();
    }
}
