package id.pemilu.k8scheck;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * KEDA's custom resources (keda.sh/v1alpha1 ScaledObject and TriggerAuthentication) are not in fabric8's model:
 * they are checked against the fields KEDA's documentation lists for them (no unknown field, the required ones
 * present, trigger metadata as strings), the HPA behaviour inside through fabric8's typed model.
 */
final class CustomResources {

    private static final Set<String> META = Set.of("name", "namespace", "labels", "annotations");
    private static final Set<String> SCALED_OBJECT_SPEC = Set.of("scaleTargetRef", "pollingInterval",
            "cooldownPeriod", "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount",
            "fallback", "advanced", "triggers");
    private static final Set<String> TARGET_REF = Set.of("apiVersion", "kind", "name", "envSourceContainerName");
    private static final Set<String> ADVANCED = Set.of("restoreToOriginalReplicaCount",
            "horizontalPodAutoscalerConfig", "scalingModifiers");
    private static final Set<String> HPA_CONFIG = Set.of("name", "behavior");
    private static final Set<String> TRIGGER = Set.of("type", "name", "metadata", "authenticationRef", "metricType",
            "useCachedMetrics");
    private static final Map<String, Set<String>> TRIGGER_METADATA = Map.of(
            "rabbitmq", Set.of("host", "hostFromEnv", "usernameFromEnv", "passwordFromEnv", "protocol", "queueName",
                    "mode", "value", "activationValue", "vhostName", "useRegex", "excludeUnacknowledged", "pageSize",
                    "operation", "timeout", "unsafeSsl"),
            "cpu", Set.of("value", "containerName"),
            "memory", Set.of("value", "containerName"));
    private static final Map<String, Set<String>> TRIGGER_REQUIRED = Map.of(
            "rabbitmq", Set.of("queueName", "mode", "value"), "cpu", Set.of("value"), "memory", Set.of("value"));
    private static final Set<String> TRIGGER_AUTH_SPEC = Set.of("secretTargetRef", "env", "podIdentity");
    private static final Set<String> SECRET_TARGET = Set.of("parameter", "name", "key");

    private CustomResources() {
    }

    static boolean knows(JsonNode o) {
        return "keda.sh/v1alpha1".equals(o.path("apiVersion").asString(""))
                && Set.of("ScaledObject", "TriggerAuthentication").contains(o.path("kind").asString(""));
    }

    static List<String> problems(JsonNode o) {
        String id = Kustomize.id(o);
        List<String> p = new ArrayList<>();
        only(o, Set.of("apiVersion", "kind", "metadata", "spec"), id, p);
        only(o.path("metadata"), META, id + ".metadata", p);
        if (o.path("metadata").path("name").asString("").isEmpty()) {
            p.add(id + ": metadata.name missing");
        }
        JsonNode spec = o.path("spec");
        if ("ScaledObject".equals(o.path("kind").asString())) {
            only(spec, SCALED_OBJECT_SPEC, id + ".spec", p);
            only(spec.path("scaleTargetRef"), TARGET_REF, id + ".spec.scaleTargetRef", p);
            only(spec.path("advanced"), ADVANCED, id + ".spec.advanced", p);
            JsonNode hpa = spec.path("advanced").path("horizontalPodAutoscalerConfig");
            only(hpa, HPA_CONFIG, id + ".spec.advanced.horizontalPodAutoscalerConfig", p);
            if (hpa.has("behavior")) {
                try {
                    Object behavior = new KubernetesSerialization().unmarshal(hpa.get("behavior").toString(),
                            HorizontalPodAutoscalerBehavior.class);
                    if (!((HorizontalPodAutoscalerBehavior) behavior).getAdditionalProperties().isEmpty()) {
                        p.add(id + ": unknown field(s) in the HPA behavior");
                    }
                } catch (RuntimeException e) {
                    p.add(id + ": HPA behavior does not parse: " + e.getMessage());
                }
            }
            for (String n : List.of("pollingInterval", "cooldownPeriod", "minReplicaCount", "maxReplicaCount")) {
                if (spec.has(n) && !spec.get(n).isInt()) {
                    p.add(id + ".spec." + n + ": not an integer");
                }
            }
            if (spec.path("scaleTargetRef").path("name").asString("").isEmpty()) {
                p.add(id + ": spec.scaleTargetRef.name missing");
            }
            if (spec.path("triggers").isEmpty()) {
                p.add(id + ": no triggers");
            }
            for (JsonNode t : spec.path("triggers")) {
                String type = t.path("type").asString("");
                String tid = id + ".trigger[" + type + "]";
                only(t, TRIGGER, tid, p);
                if (!TRIGGER_METADATA.containsKey(type)) {
                    p.add(tid + ": trigger type not known to k8s-check");
                    continue;
                }
                only(t.path("metadata"), TRIGGER_METADATA.get(type), tid + ".metadata", p);
                for (String required : TRIGGER_REQUIRED.get(type)) {
                    if (!t.path("metadata").has(required)) {
                        p.add(tid + ": metadata." + required + " missing");
                    }
                }
                for (var e : t.path("metadata").properties()) {
                    if (!e.getValue().isString()) {
                        p.add(tid + ".metadata." + e.getKey() + ": KEDA wants a string");
                    }
                }
                if (("cpu".equals(type) || "memory".equals(type))
                        && !Set.of("Utilization", "AverageValue").contains(t.path("metricType").asString(""))) {
                    p.add(tid + ": metricType must be Utilization or AverageValue");
                }
            }
        } else {
            only(spec, TRIGGER_AUTH_SPEC, id + ".spec", p);
            for (JsonNode ref : spec.path("secretTargetRef")) {
                only(ref, SECRET_TARGET, id + ".spec.secretTargetRef", p);
                for (String n : SECRET_TARGET) {
                    if (ref.path(n).asString("").isEmpty()) {
                        p.add(id + ".spec.secretTargetRef: " + n + " missing");
                    }
                }
            }
        }
        return p;
    }

    private static void only(JsonNode node, Set<String> allowed, String path, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        for (String field : node.propertyNames()) {
            if (!allowed.contains(field)) {
                problems.add(path + ": unknown field '" + field + "'");
            }
        }
    }
}
