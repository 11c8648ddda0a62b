package id.pemilu.k8scheck;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * NetworkPolicy rules: a default deny for both directions, DNS allowed, a policy of its own for every pod, no
 * selector that matches nothing, and nothing reachable from outside the namespace except the gateway and
 * Keycloak's sign-in (from the ingress controller), metrics (from monitoring) and the broker (from KEDA).
 * {@link #allows} evaluates the policies as Kubernetes does for one connection between two pods.
 */
final class NetworkPolicies {

    /** Namespaces that may reach into this one, and which pods (app label) there; null = any pod. */
    static final Map<String, Set<String>> OUTSIDE = Map.of(
            "ingress-nginx", Set.of("gateway", "keycloak"),
            "monitoring", Set.of(),
            "keda", Set.of("rabbitmq"));

    private NetworkPolicies() {
    }

    static List<JsonNode> of(List<? extends JsonNode> objects) {
        return objects.stream().filter(o -> "NetworkPolicy".equals(o.path("kind").asString()))
                .map(o -> (JsonNode) o).toList();
    }

    static void problems(List<? extends JsonNode> objects, List<JsonNode> workloads, List<String> p) {
        List<JsonNode> policies = of(objects);
        boolean defaultDeny = policies.stream().anyMatch(np -> Labels.isEmpty(np.path("spec").path("podSelector"))
                && types(np).containsAll(Set.of("Ingress", "Egress"))
                && np.path("spec").path("ingress").isEmpty() && np.path("spec").path("egress").isEmpty());
        if (!defaultDeny) {
            p.add("NetworkPolicy: no default deny (empty podSelector, policyTypes Ingress and Egress, no rules)");
        }
        boolean dns = policies.stream().anyMatch(np -> Labels.isEmpty(np.path("spec").path("podSelector"))
                && np.path("spec").path("egress").toString().contains("\"port\":53"));
        if (!dns) {
            p.add("NetworkPolicy: DNS (port 53) is not allowed for every pod");
        }
        for (JsonNode w : workloads) {
            boolean own = policies.stream().anyMatch(np -> !Labels.isEmpty(np.path("spec").path("podSelector"))
                    && !np.path("metadata").path("name").asString().startsWith("allow-")
                    && Labels.selects(np.path("spec").path("podSelector"), Workloads.podLabels(w)));
            if (!own) {
                p.add(Kustomize.id(w) + ": no NetworkPolicy of its own selects its pods");
            }
        }
        for (JsonNode np : policies) {
            String id = Kustomize.id(np);
            JsonNode selector = np.path("spec").path("podSelector");
            if (!Labels.isEmpty(selector) && workloads.stream().noneMatch(w -> Labels.selects(selector,
                    Workloads.podLabels(w)))) {
                p.add(id + ": its podSelector matches no pod");
            }
            for (String dir : List.of("ingress", "egress")) {
                for (JsonNode rule : np.path("spec").path(dir)) {
                    JsonNode peers = rule.path(dir.equals("ingress") ? "from" : "to");
                    if (peers.isEmpty()) {
                        p.add(id + ": an " + dir + " rule without peers allows every address");
                    }
                    for (JsonNode peer : peers) {
                        if (peer.has("ipBlock")) {
                            p.add(id + ": ipBlock peers are not used here (" + peer.get("ipBlock") + ")");
                        }
                        if (!peer.has("namespaceSelector") && peer.has("podSelector")
                                && workloads.stream().noneMatch(w -> Labels.selects(peer.get("podSelector"),
                                        Workloads.podLabels(w)))) {
                            p.add(id + ": " + dir + " peer " + peer.get("podSelector") + " matches no pod");
                        }
                        if (dir.equals("ingress") && peer.has("namespaceSelector")) {
                            outside(id, np, peer, workloads, p);
                        }
                    }
                }
            }
        }
    }

    private static void outside(String id, JsonNode np, JsonNode peer, List<JsonNode> workloads, List<String> p) {
        String ns = peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name")
                .asString(null);
        if (ns == null || !OUTSIDE.containsKey(ns)) {
            p.add(id + ": ingress from namespaces " + peer.get("namespaceSelector") + " is not allowed (only "
                    + OUTSIDE.keySet() + ")");
            return;
        }
        Set<String> allowedApps = OUTSIDE.get(ns);
        if (allowedApps.isEmpty()) {
            return;
        }
        for (JsonNode w : workloads) {
            if (Labels.selects(np.path("spec").path("podSelector"), Workloads.podLabels(w))
                    && !allowedApps.contains(Workloads.podLabels(w).path("app").asString(""))) {
                p.add(id + ": lets namespace " + ns + " reach " + Kustomize.id(w) + " (only " + allowedApps + ")");
            }
        }
    }

    private static Set<String> types(JsonNode np) {
        Set<String> t = new java.util.HashSet<>();
        np.path("spec").path("policyTypes").forEach(x -> t.add(x.asString()));
        if (t.isEmpty()) {
            t.add("Ingress");
            if (np.path("spec").has("egress")) {
                t.add("Egress");
            }
        }
        return t;
    }

    /** Whether a TCP connection from a pod of {@code from} to a pod of {@code to} on {@code port} is allowed. */
    static boolean allows(List<? extends JsonNode> objects, JsonNode from, JsonNode to, int port) {
        return direction(objects, from, to, port, "Egress") && direction(objects, to, from, port, "Ingress");
    }

    private static boolean direction(List<? extends JsonNode> objects, JsonNode self, JsonNode other, int port,
                                     String type) {
        String ns = self.path("metadata").path("namespace").asString("");
        boolean restricted = false;
        String rules = type.equals("Egress") ? "egress" : "ingress";
        String peersField = type.equals("Egress") ? "to" : "from";
        JsonNode portOwner = type.equals("Egress") ? other : self;
        for (JsonNode np : of(objects)) {
            if (!types(np).contains(type) || !Labels.selects(np.path("spec").path("podSelector"),
                    Workloads.podLabels(self))) {
                continue;
            }
            restricted = true;
            for (JsonNode rule : np.path("spec").path(rules)) {
                if (peerMatches(rule.path(peersField), other, ns) && portMatches(rule.path("ports"), port,
                        portOwner)) {
                    return true;
                }
            }
        }
        return !restricted;
    }

    private static boolean peerMatches(JsonNode peers, JsonNode pod, String ns) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("namespaceSelector")) {
                String selected = peer.path("namespaceSelector").path("matchLabels")
                        .path("kubernetes.io/metadata.name").asString(null);
                if (!ns.equals(selected)) {
                    continue;
                }
            }
            if (peer.has("podSelector") && Labels.selects(peer.get("podSelector"), Workloads.podLabels(pod))) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port, JsonNode owner) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asString("TCP").equals("TCP")) {
                continue;
            }
            JsonNode value = p.path("port");
            if (value.isInt()) {
                int end = p.path("endPort").asInt(value.asInt());
                if (port >= value.asInt() && port <= end) {
                    return true;
                }
            } else if (value.isString() && ManifestChecks.containerPort(owner, value) == port) {
                return true;
            }
        }
        return false;
    }
}
