package id.pemilu.k8scheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Where the pod template of a workload is, and its containers. */
public final class Workloads {

    static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");

    private Workloads() {
    }

    public static boolean isWorkload(JsonNode o) {
        return KINDS.contains(o.path("kind").asString(""));
    }

    /** The pod template (metadata + spec) of a workload; for a Pod the Pod itself. */
    public static JsonNode podTemplate(JsonNode o) {
        return switch (o.path("kind").asString("")) {
            case "Pod" -> o;
            case "CronJob" -> o.path("spec").path("jobTemplate").path("spec").path("template");
            default -> o.path("spec").path("template");
        };
    }

    public static JsonNode podSpec(JsonNode o) {
        return podTemplate(o).path("spec");
    }

    public static JsonNode podLabels(JsonNode o) {
        return podTemplate(o).path("metadata").path("labels");
    }

    /** Containers and init containers. */
    public static List<ObjectNode> containers(JsonNode o) {
        List<ObjectNode> out = new ArrayList<>();
        if (!isWorkload(o)) {
            return out;
        }
        for (String field : List.of("initContainers", "containers")) {
            for (JsonNode c : podSpec(o).path(field)) {
                out.add((ObjectNode) c);
            }
        }
        return out;
    }

    public static List<JsonNode> mainContainers(JsonNode o) {
        List<JsonNode> out = new ArrayList<>();
        podSpec(o).path("containers").forEach(out::add);
        return out;
    }
}
