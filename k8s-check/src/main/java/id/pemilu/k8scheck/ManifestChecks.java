package id.pemilu.k8scheck;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The rules every rendered overlay must follow. {@link #problems(List)} lists each broken rule as one line
 * ("Kind/name: what is wrong"); an empty list means the rendering passes.
 */
public final class ManifestChecks {

    /** Values a committed Secret may hold: throwaway ones, marked as such (or their base64 form). */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)dev-?only");
    /** Environment variables that must come from a Secret, never from a literal value. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PASS|SECRET|TOKEN|COOKIE|_KEY)$");
    /** host:port or scheme://host:port inside a setting (URLs, replica set member lists). */
    private static final Pattern ENDPOINT = Pattern.compile("(?:[a-z]+://)?(?:[^@/\\s,]*@)?([a-z0-9.-]+):(\\d+)");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private ManifestChecks() {
    }

    public static List<String> problems(List<? extends JsonNode> objects) {
        List<String> p = new ArrayList<>();
        for (JsonNode o : objects) {
            p.addAll(TypedModel.problems(o));
        }
        Map<String, JsonNode> configMaps = byName(objects, "ConfigMap");
        Map<String, JsonNode> secrets = byName(objects, "Secret");
        List<JsonNode> workloads = objects.stream().filter(Workloads::isWorkload).map(o -> (JsonNode) o).toList();
        for (JsonNode w : workloads) {
            containers(w, configMaps, secrets, p);
        }
        for (JsonNode s : secrets.values()) {
            secretValues(s, p);
        }
        services(objects, workloads, p);
        disruptionBudgets(objects, workloads, p);
        autoscalers(objects, p);
        NetworkPolicies.problems(objects, workloads, p);
        connections(objects, workloads, configMaps, p);
        return p;
    }

    // ---------------------------------------------------------------------------------------------- containers

    private static void containers(JsonNode w, Map<String, JsonNode> configMaps, Map<String, JsonNode> secrets,
                                   List<String> p) {
        String id = Kustomize.id(w);
        JsonNode pod = Workloads.podSpec(w);
        JsonNode podSec = pod.path("securityContext");
        boolean job = Set.of("Job", "CronJob").contains(w.path("kind").asString());
        for (JsonNode c : pod.path("volumes")) {
            reference(id, "ConfigMap", c.path("configMap").path("name").asString(null), null, configMaps, p);
            reference(id, "Secret", c.path("secret").path("secretName").asString(null), null, secrets, p);
        }
        // what the namespace's "restricted" pod security standard refuses at admission
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                p.add(id + ": " + host + " is not allowed");
            }
        }
        for (JsonNode v : pod.path("volumes")) {
            if (v.has("hostPath")) {
                p.add(id + ": hostPath volume '" + v.path("name").asString() + "' is not allowed");
            }
        }
        if (podSec.path("runAsUser").asInt(-1) == 0) {
            p.add(id + ": runAsUser 0 (root)");
        }
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            p.add(id + ": automountServiceAccountToken must be false (no pod here talks to the Kubernetes API)");
        }
        Set<String> mainNames = new java.util.HashSet<>();
        Workloads.mainContainers(w).forEach(c -> mainNames.add(c.path("name").asString()));
        for (JsonNode c : Workloads.containers(w)) {
            String cid = id + "[" + c.path("name").asString("?") + "]";
            boolean main = mainNames.contains(c.path("name").asString());
            image(cid, c.path("image").asString(""), p);
            JsonNode res = c.path("resources");
            for (String kind : List.of("requests", "limits")) {
                for (String r : List.of("cpu", "memory")) {
                    if (!res.path(kind).has(r)) {
                        p.add(cid + ": resources." + kind + "." + r + " missing");
                    }
                }
            }
            JsonNode sec = c.path("securityContext");
            if (!sec.path("runAsNonRoot").asBoolean(podSec.path("runAsNonRoot").asBoolean(false))) {
                p.add(cid + ": runAsNonRoot must be true (pod or container)");
            }
            if (sec.path("allowPrivilegeEscalation").asBoolean(true)) {
                p.add(cid + ": allowPrivilegeEscalation must be false");
            }
            if (!sec.path("readOnlyRootFilesystem").asBoolean(false)) {
                p.add(cid + ": readOnlyRootFilesystem must be true");
            }
            if (sec.path("privileged").asBoolean(false) || sec.path("runAsUser").asInt(-1) == 0) {
                p.add(cid + ": privileged or root container");
            }
            for (JsonNode port : c.path("ports")) {
                if (port.has("hostPort")) {
                    p.add(cid + ": hostPort " + port.get("hostPort") + " is not allowed");
                }
            }
            boolean dropsAll = false;
            for (JsonNode cap : sec.path("capabilities").path("drop")) {
                dropsAll |= "ALL".equals(cap.asString());
            }
            if (!dropsAll) {
                p.add(cid + ": capabilities.drop must contain ALL");
            }
            String seccomp = sec.path("seccompProfile").path("type")
                    .asString(podSec.path("seccompProfile").path("type").asString(""));
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                p.add(cid + ": seccompProfile RuntimeDefault missing (pod or container)");
            }
            if (main && !job) {
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    if (!c.has(probe)) {
                        p.add(cid + ": " + probe + " missing");
                    }
                }
                if (Images.name(c.path("image").asString("")).startsWith("pemilu/")
                        && !Images.name(c.path("image").asString("")).equals("pemilu/keycloak")) {
                    expectPath(cid, c, "livenessProbe", "/actuator/health/liveness", p);
                    expectPath(cid, c, "readinessProbe", "/actuator/health/readiness", p);
                }
            }
            for (JsonNode e : c.path("env")) {
                String name = e.path("name").asString("");
                if (e.has("value") && SECRET_NAME.matcher(name).matches()) {
                    p.add(cid + ": " + name + " is set as a literal value; take it from a Secret (secretKeyRef)");
                }
                JsonNode cm = e.path("valueFrom").path("configMapKeyRef");
                reference(cid, "ConfigMap", cm.path("name").asString(null), cm.path("key").asString(null),
                        configMaps, p);
                JsonNode s = e.path("valueFrom").path("secretKeyRef");
                reference(cid, "Secret", s.path("name").asString(null), s.path("key").asString(null), secrets, p);
            }
            variableReferences(cid, c, configMaps, p);
            for (JsonNode e : c.path("envFrom")) {
                reference(cid, "ConfigMap", e.path("configMapRef").path("name").asString(null), null, configMaps, p);
                if (e.has("secretRef")) {
                    p.add(cid + ": envFrom a whole Secret; name each key it uses (secretKeyRef)");
                }
            }
        }
    }

    /**
     * Kubernetes expands $(NAME) in a value only from variables defined BEFORE it (envFrom, then env in order); any
     * other reference stays as literal text (a password "$(MONGODB_PASSWORD)"). A patch that touches an env item
     * moves it to the front of the list, so this is checked on the rendering.
     */
    private static void variableReferences(String cid, JsonNode c, Map<String, JsonNode> configMaps, List<String> p) {
        Set<String> defined = new java.util.HashSet<>();
        for (JsonNode from : c.path("envFrom")) {
            JsonNode cm = configMaps.get(from.path("configMapRef").path("name").asString(""));
            if (cm != null) {
                defined.addAll(cm.path("data").propertyNames());
            }
        }
        for (JsonNode e : c.path("env")) {
            Matcher m = VARIABLE.matcher(e.path("value").asString(""));
            while (m.find()) {
                if (!defined.contains(m.group(1))) {
                    p.add(cid + ": " + e.path("name").asString() + " uses $(" + m.group(1) + "), which is not defined"
                            + " before it: it would stay unexpanded");
                }
            }
            defined.add(e.path("name").asString());
        }
        for (String field : List.of("command", "args")) {
            for (JsonNode a : c.path(field)) {
                Matcher m = VARIABLE.matcher(a.asString(""));
                while (m.find()) {
                    if (!defined.contains(m.group(1))) {
                        p.add(cid + ": " + field + " uses $(" + m.group(1) + "), which is not defined");
                    }
                }
            }
        }
    }

    private static void expectPath(String cid, JsonNode c, String probe, String path, List<String> p) {
        String actual = c.path(probe).path("httpGet").path("path").asString("");
        if (!path.equals(actual)) {
            p.add(cid + ": " + probe + " must be an httpGet of " + path + " (is '" + actual + "')");
        }
    }

    static void image(String cid, String image, List<String> p) {
        String tag = Images.tag(image);
        if (image.isEmpty()) {
            p.add(cid + ": no image");
        } else if (!Images.hasDigest(image) && (tag == null || tag.isEmpty())) {
            p.add(cid + ": image '" + image + "' has no tag (pin a version)");
        } else if (tag != null && (tag.equals("latest") || tag.endsWith("-latest") || !tag.matches(".*\\d.*"))) {
            p.add(cid + ": image '" + image + "' is not pinned to a version");
        }
    }

    /**
     * A ConfigMap or Secret named by a workload must be in the rendering with that key. Secrets are the exception
     * when the rendering has none at all (production: the operator creates them; RequiredSecrets lists them).
     */
    private static void reference(String cid, String kind, String name, String key, Map<String, JsonNode> objects,
                                  List<String> p) {
        if (name == null) {
            return;
        }
        if (kind.equals("Secret") && objects.isEmpty()) {
            return;
        }
        JsonNode o = objects.get(name);
        if (o == null) {
            p.add(cid + ": refers to " + kind + " '" + name + "' which is not in the rendering");
        } else if (key != null && !o.path("data").has(key) && !o.path("stringData").has(key)) {
            p.add(cid + ": refers to key '" + key + "' of " + kind + " '" + name + "' which has no such key");
        }
    }

    // ------------------------------------------------------------------------------------------------- secrets

    private static void secretValues(JsonNode s, List<String> p) {
        String id = Kustomize.id(s);
        Map<String, String> values = new LinkedHashMap<>();
        s.path("stringData").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        for (var e : s.path("data").properties()) {
            try {
                values.put(e.getKey(), new String(Base64.getDecoder().decode(e.getValue().asString()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException bad) {
                p.add(id + ": data." + e.getKey() + " is not base64");
            }
        }
        for (var e : values.entrySet()) {
            if (e.getKey().equals("username")) {
                continue;
            }
            if (!isPlaceholder(e.getValue())) {
                p.add(id + ": value of '" + e.getKey() + "' is not a marked throwaway placeholder (must contain "
                        + "'dev-only'); real secrets never go into the repository");
            }
        }
    }

    static boolean isPlaceholder(String value) {
        if (PLACEHOLDER.matcher(value).find()) {
            return true;
        }
        try {
            return PLACEHOLDER.matcher(new String(Base64.getDecoder().decode(value.trim()), StandardCharsets.UTF_8))
                    .find();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    // -------------------------------------------------------------------------------------- services and PDBs

    private static void services(List<? extends JsonNode> objects, List<JsonNode> workloads, List<String> p) {
        for (JsonNode s : objects) {
            if (!"Service".equals(s.path("kind").asString())) {
                continue;
            }
            String id = Kustomize.id(s);
            String type = s.path("spec").path("type").asString("ClusterIP");
            if (!type.equals("ClusterIP")) {
                p.add(id + ": type " + type + " exposes it outside the cluster; only the Ingress may");
            }
            JsonNode selector = s.path("spec").path("selector");
            List<JsonNode> pods = workloads.stream()
                    .filter(w -> !selector.isEmpty() && Labels.matches(selector, Workloads.podLabels(w))).toList();
            if (pods.isEmpty()) {
                p.add(id + ": selects no pod");
                continue;
            }
            for (JsonNode port : s.path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                for (JsonNode w : pods) {
                    if (containerPort(w, target) < 0) {
                        p.add(id + ": targetPort " + target + " is not a port of " + Kustomize.id(w));
                    }
                }
            }
        }
    }

    /** The number of a container port given by number or name, or -1. */
    static int containerPort(JsonNode workload, JsonNode port) {
        for (JsonNode c : Workloads.mainContainers(workload)) {
            for (JsonNode cp : c.path("ports")) {
                if (port.isInt() ? cp.path("containerPort").asInt() == port.asInt()
                        : port.asString("").equals(cp.path("name").asString(""))) {
                    return cp.path("containerPort").asInt();
                }
            }
        }
        return -1;
    }

    private static void disruptionBudgets(List<? extends JsonNode> objects, List<JsonNode> workloads,
                                          List<String> p) {
        List<JsonNode> pdbs = objects.stream().filter(o -> "PodDisruptionBudget".equals(o.path("kind").asString()))
                .map(o -> (JsonNode) o).toList();
        for (JsonNode w : workloads) {
            if (!Set.of("Deployment", "StatefulSet").contains(w.path("kind").asString())) {
                continue;
            }
            boolean covered = pdbs.stream().anyMatch(pdb -> Labels.selects(pdb.path("spec").path("selector"),
                    Workloads.podLabels(w)));
            if (!covered) {
                p.add(Kustomize.id(w) + ": no PodDisruptionBudget selects its pods");
            }
        }
        for (JsonNode pdb : pdbs) {
            if (workloads.stream().noneMatch(w -> Labels.selects(pdb.path("spec").path("selector"),
                    Workloads.podLabels(w)))) {
                p.add(Kustomize.id(pdb) + ": selects no pod");
            }
        }
    }

    private static void autoscalers(List<? extends JsonNode> objects, List<String> p) {
        Map<String, String> scaledBy = new HashMap<>();
        for (JsonNode o : objects) {
            String kind = o.path("kind").asString();
            if (!Set.of("HorizontalPodAutoscaler", "ScaledObject").contains(kind)) {
                continue;
            }
            JsonNode ref = o.path("spec").path("scaleTargetRef");
            String target = ref.path("kind").asString("Deployment") + "/" + ref.path("name").asString();
            boolean exists = objects.stream().anyMatch(w -> (w.path("kind").asString() + "/"
                    + w.path("metadata").path("name").asString()).equals(target));
            if (!exists) {
                p.add(Kustomize.id(o) + ": scales " + target + ", which is not in the rendering");
            }
            boolean fixedReplicas = objects.stream().anyMatch(w -> (w.path("kind").asString() + "/"
                    + w.path("metadata").path("name").asString()).equals(target) && w.path("spec").has("replicas"));
            if (fixedReplicas) {
                p.add(target + " sets spec.replicas although " + Kustomize.id(o) + " scales it (every apply would "
                        + "reset the count)");
            }
            String before = scaledBy.put(target, Kustomize.id(o));
            if (before != null) {
                p.add(target + " is scaled by both " + before + " and " + Kustomize.id(o)
                        + " (two autoscalers on one workload fight)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------- connections

    /**
     * Every endpoint a container is configured to call (a Service name in a URL, a host:port list, X_HOST with
     * X_PORT) must be allowed by the NetworkPolicies: egress from the caller and ingress at the callee, on the
     * port the callee's container listens on.
     */
    private static void connections(List<? extends JsonNode> objects, List<JsonNode> workloads,
                                    Map<String, JsonNode> configMaps, List<String> p) {
        Map<String, JsonNode> services = byName(objects, "Service");
        for (JsonNode w : workloads) {
            for (JsonNode c : Workloads.mainContainers(w)) {
                Map<String, String> env = Env.of(c, configMaps);
                for (Endpoint e : endpoints(env, services)) {
                    JsonNode service = services.get(e.service());
                    for (JsonNode callee : workloads) {
                        if (!Labels.matches(service.path("spec").path("selector"), Workloads.podLabels(callee))) {
                            continue;
                        }
                        int port = servicePortToContainerPort(service, e.port(), callee);
                        if (port < 0) {
                            p.add(Kustomize.id(w) + ": " + e.setting() + " calls " + e.service() + ":" + e.port()
                                    + ", a port the Service does not have");
                            continue;
                        }
                        if (!NetworkPolicies.allows(objects, w, callee, port)) {
                            p.add(Kustomize.id(w) + ": " + e.setting() + " calls " + e.service() + ":" + e.port()
                                    + " but the NetworkPolicies do not allow " + Kustomize.id(w) + " -> "
                                    + Kustomize.id(callee) + " on port " + port);
                        }
                    }
                }
            }
        }
    }

    record Endpoint(String setting, String service, int port) {
    }

    static List<Endpoint> endpoints(Map<String, String> env, Map<String, JsonNode> services) {
        List<Endpoint> out = new ArrayList<>();
        for (var e : env.entrySet()) {
            Matcher m = ENDPOINT.matcher(e.getValue());
            while (m.find()) {
                String service = serviceOf(m.group(1), services);
                if (service != null) {
                    out.add(new Endpoint(e.getKey(), service, Integer.parseInt(m.group(2))));
                }
            }
            if (e.getKey().endsWith("_HOST")) {
                String service = serviceOf(e.getValue(), services);
                String port = env.get(e.getKey().substring(0, e.getKey().length() - 5) + "_PORT");
                if (service != null && port != null && port.matches("\\d+")) {
                    out.add(new Endpoint(e.getKey(), service, Integer.parseInt(port)));
                }
            }
        }
        return out;
    }

    /** The Service a host name means: its first label that names a Service (mongodb-0.mongodb -> mongodb). */
    private static String serviceOf(String host, Map<String, JsonNode> services) {
        for (String label : host.split("\\.")) {
            if (services.containsKey(label)) {
                return label;
            }
        }
        return null;
    }

    private static int servicePortToContainerPort(JsonNode service, int port, JsonNode callee) {
        for (JsonNode sp : service.path("spec").path("ports")) {
            if (sp.path("port").asInt() == port) {
                return containerPort(callee, sp.has("targetPort") ? sp.get("targetPort") : sp.get("port"));
            }
        }
        return -1;
    }

    static Map<String, JsonNode> byName(List<? extends JsonNode> objects, String kind) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            if (kind.equals(o.path("kind").asString())) {
                out.put(o.path("metadata").path("name").asString(), o);
            }
        }
        return out;
    }
}
