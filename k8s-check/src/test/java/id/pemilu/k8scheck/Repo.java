package id.pemilu.k8scheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** Where the repository's files are (set by the pom; the defaults work from the module folder). */
final class Repo {

    static final List<String> OVERLAYS = List.of("dev", "production", "production-keda");

    private Repo() {
    }

    static Path k8s() {
        return Path.of(System.getProperty("pemilu.k8s.dir", "../k8s")).toAbsolutePath().normalize();
    }

    static Path root() {
        return k8s().getParent();
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }

    private static final java.util.Map<String, List<ObjectNode>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The overlay rendered once per test run; each caller gets its own copy (tests may change it). */
    static List<ObjectNode> render(String overlay) {
        List<ObjectNode> once = RENDERED.computeIfAbsent(overlay, o -> Kustomize.render(overlay(o)));
        List<ObjectNode> copy = new java.util.ArrayList<>();
        once.forEach(o -> copy.add(o.deepCopy()));
        return copy;
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
