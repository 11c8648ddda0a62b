package id.pemilu.k8scheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize that {@code k8s/} uses:
 * {@code resources} (files and folders), {@code namespace}, {@code configMapGenerator} (files and literals, with
 * {@code generatorOptions.disableNameSuffixHash: true}), {@code patches} (strategic-merge patches by path or inline,
 * including {@code $patch: delete} and {@code null} to remove a field) and {@code images}. Any other field of a
 * kustomization is refused, so that a file using more of kustomize fails here instead of being rendered wrongly.
 * ({@code KubectlAgreementTest} compares the result with the real kustomize wherever {@code kubectl} is installed.)
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "patches",
            "configMapGenerator", "generatorOptions", "images");

    /** Kubernetes' merge keys of the lists the patches touch; every other list is replaced as a whole. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath", "imagePullSecrets", "name");

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass");

    private Kustomize() {
    }

    /** The rendered objects of the kustomization in {@code dir}, in the order kustomize reads them. */
    public static List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        ObjectNode k = (ObjectNode) Yaml.readAll(file).get(0);
        for (String field : k.propertyNames()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": kustomize field '" + field
                        + "' is not supported by k8s-check's renderer (supported: " + SUPPORTED + ")");
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asString()).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(render(p));
            } else {
                for (JsonNode doc : Yaml.readAll(p)) {
                    out.add((ObjectNode) doc);
                }
            }
        }
        out.addAll(generateConfigMaps(dir, k));
        for (JsonNode patch : k.path("patches")) {
            applyPatchEntry(dir, patch, out);
        }
        if (k.has("namespace")) {
            String ns = k.get("namespace").asString();
            for (ObjectNode o : out) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asString())) {
                    ((ObjectNode) o.get("metadata")).put("namespace", ns);
                }
                if (o.path("kind").asString().endsWith("RoleBinding")) {
                    for (JsonNode s : o.path("subjects")) {
                        if ("ServiceAccount".equals(s.path("kind").asString())) {
                            ((ObjectNode) s).put("namespace", ns);
                        }
                    }
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            setImages(image, out);
        }
        return out;
    }

    private static List<ObjectNode> generateConfigMaps(Path dir, ObjectNode k) {
        List<ObjectNode> out = new ArrayList<>();
        if (!k.has("configMapGenerator")) {
            return out;
        }
        if (!k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false)) {
            throw new IllegalArgumentException(dir + ": configMapGenerator needs generatorOptions."
                    + "disableNameSuffixHash: true here (k8s-check does not compute kustomize's name hash)");
        }
        for (JsonNode g : k.get("configMapGenerator")) {
            ObjectNode cm = JsonNodeFactory.instance.objectNode();
            cm.put("apiVersion", "v1");
            cm.put("kind", "ConfigMap");
            ObjectNode meta = cm.putObject("metadata");
            meta.put("name", g.get("name").asString());
            if (g.has("namespace")) {
                meta.put("namespace", g.get("namespace").asString());
            }
            ObjectNode data = cm.putObject("data");
            for (JsonNode f : g.path("files")) {
                String spec = f.asString();
                String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString();
                String path = spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec;
                try {
                    data.put(key, Files.readString(dir.resolve(path)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (JsonNode l : g.path("literals")) {
                String spec = l.asString();
                data.put(spec.substring(0, spec.indexOf('=')), spec.substring(spec.indexOf('=') + 1));
            }
            out.add(cm);
        }
        return out;
    }

    private static void applyPatchEntry(Path dir, JsonNode entry, List<ObjectNode> objects) {
        if (entry.has("target")) {
            throw new IllegalArgumentException(dir + ": patches with 'target' are not supported by k8s-check");
        }
        List<JsonNode> docs = entry.has("path") ? Yaml.readAll(dir.resolve(entry.get("path").asString()))
                : Yaml.readAll(entry.get("patch").asString());
        for (JsonNode doc : docs) {
            applyPatch((ObjectNode) doc, objects);
        }
    }

    /** Applies one strategic-merge patch to the object of the same kind, name and namespace. */
    public static void applyPatch(ObjectNode patch, List<ObjectNode> objects) {
        ObjectNode target = null;
        for (ObjectNode o : objects) {
            if (sameObject(o, patch)) {
                target = o;
            }
        }
        if (target == null) {
            throw new IllegalArgumentException("patch matches no object: " + id(patch));
        }
        if ("delete".equals(patch.path("$patch").asString(null))) {
            objects.remove(target);
            return;
        }
        merge(target, patch);
    }

    static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            String field = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else if (value.isArray() && existing != null && existing.isArray() && MERGE_KEYS.containsKey(field)) {
                mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(field));
            } else {
                target.set(field, value.deepCopy());
            }
        }
    }

    /**
     * Strategic merge of a list with a merge key, in kustomize's order: the patch's items first (each merged into
     * the original item with the same key, if any), then the original items the patch does not name.
     */
    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        List<JsonNode> merged = new ArrayList<>();
        Set<String> named = new java.util.HashSet<>();
        for (JsonNode item : patch) {
            String k = item.path(key).asString(null);
            if (k == null) {
                throw new IllegalArgumentException("list item without its merge key '" + key + "': " + item);
            }
            named.add(k);
            if ("delete".equals(item.path("$patch").asString(null))) {
                continue;
            }
            ObjectNode match = null;
            for (JsonNode t : target) {
                if (k.equals(t.path(key).asString(null))) {
                    match = (ObjectNode) t.deepCopy();
                }
            }
            if (match != null) {
                merge(match, (ObjectNode) item);
                merged.add(match);
            } else {
                merged.add(item.deepCopy());
            }
        }
        for (JsonNode t : target) {
            if (!named.contains(t.path(key).asString(null))) {
                merged.add(t);
            }
        }
        target.removeAll();
        merged.forEach(target::add);
    }

    private static void setImages(JsonNode rule, List<ObjectNode> objects) {
        String name = rule.get("name").asString();
        for (ObjectNode o : objects) {
            for (ObjectNode c : Workloads.containers(o)) {
                String image = c.path("image").asString("");
                String base = Images.name(image);
                if (!base.equals(name)) {
                    continue;
                }
                String newName = rule.has("newName") ? rule.get("newName").asString() : base;
                if (rule.has("digest")) {
                    c.put("image", newName + "@" + rule.get("digest").asString());
                } else if (rule.has("newTag")) {
                    c.put("image", newName + ":" + rule.get("newTag").asString());
                } else {
                    c.put("image", newName + image.substring(base.length()));
                }
            }
        }
    }

    static boolean sameObject(JsonNode a, JsonNode b) {
        return a.path("kind").asString("").equals(b.path("kind").asString(""))
                && a.path("metadata").path("name").asString("").equals(b.path("metadata").path("name").asString(""))
                && (!b.path("metadata").has("namespace") || !a.path("metadata").has("namespace")
                    || a.path("metadata").path("namespace").asString("").equals(
                            b.path("metadata").path("namespace").asString("")));
    }

    /** kind/namespace/name of an object, for messages. */
    public static String id(JsonNode o) {
        return o.path("kind").asString("?") + "/" + o.path("metadata").path("name").asString("?");
    }
}
