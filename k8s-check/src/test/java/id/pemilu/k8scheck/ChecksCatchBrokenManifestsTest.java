package id.pemilu.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks can fail: each test breaks one thing in a copy of the dev rendering (which passes as it is) and expects
 * the problem to be reported.
 */
class ChecksCatchBrokenManifestsTest {

    private static List<ObjectNode> dev;
    private static List<ObjectNode> productionKeda;

    @BeforeAll
    static void render() {
        dev = Repo.render("dev");
        productionKeda = Repo.render("production-keda");
        assertThat(ManifestChecks.problems(dev)).isEmpty();
    }

    private static List<String> problemsAfter(Consumer<List<ObjectNode>> breakIt) {
        return problemsAfter(dev, breakIt);
    }

    private static List<String> problemsAfter(List<ObjectNode> rendering, Consumer<List<ObjectNode>> breakIt) {
        List<ObjectNode> copy = new ArrayList<>();
        rendering.forEach(o -> copy.add(o.deepCopy()));
        breakIt.accept(copy);
        return ManifestChecks.problems(copy);
    }

    private static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asString())
                && name.equals(o.path("metadata").path("name").asString())).findFirst().orElseThrow();
    }

    private static ObjectNode container(List<ObjectNode> objects, String deployment) {
        return (ObjectNode) find(objects, "Deployment", deployment).path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    private static ObjectNode env(ObjectNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asString())) {
                return (ObjectNode) e;
            }
        }
        throw new AssertionError("no env " + name);
    }

    @Test
    void missingProbeIsReported() {
        assertThat(problemsAfter(o -> container(o, "gateway").remove("livenessProbe")))
                .anyMatch(p -> p.contains("Deployment/gateway[gateway]: livenessProbe missing"));
    }

    @Test
    void probeOnTheWrongPathIsReported() {
        assertThat(problemsAfter(o -> ((ObjectNode) container(o, "recap-service").path("readinessProbe")
                .path("httpGet")).put("path", "/actuator/health")))
                .anyMatch(p -> p.contains("readinessProbe must be an httpGet of /actuator/health/readiness"));
    }

    @Test
    void misspeltFieldIsAnUnknownField() {
        assertThat(problemsAfter(o -> {
            ObjectNode c = container(o, "party-registry");
            c.set("livenesProbe", c.get("livenessProbe"));
        })).anyMatch(p -> p.contains("unknown field(s) [livenesProbe]"));
    }

    @Test
    void fieldOneLevelTooHighIsAnUnknownField() {
        assertThat(problemsAfter(o -> ((ObjectNode) find(o, "Deployment", "voter-portal").path("spec")
                .path("template").path("spec")).set("livenessProbe", container(o, "voter-portal").get("livenessProbe"))))
                .anyMatch(p -> p.contains("unknown field(s) [livenessProbe] in PodSpec"));
    }

    @Test
    void unknownKindIsReported() {
        assertThat(problemsAfter(o -> find(o, "Service", "gateway").put("apiVersion", "example.org/v1")))
                .anyMatch(p -> p.contains("neither in the typed Kubernetes model"));
    }

    @Test
    void missingLimitIsReported() {
        assertThat(problemsAfter(o -> ((ObjectNode) container(o, "ocr-c1-reader").path("resources").path("limits"))
                .remove("memory")))
                .anyMatch(p -> p.contains("ocr-c1-reader[ocr-c1-reader]: resources.limits.memory missing"));
    }

    @Test
    void writableRootAndRootUserAreReported() {
        List<String> problems = problemsAfter(o -> {
            ((ObjectNode) container(o, "gateway").path("securityContext")).put("readOnlyRootFilesystem", false);
            ((ObjectNode) find(o, "Deployment", "gateway").path("spec").path("template").path("spec")
                    .path("securityContext")).remove("runAsNonRoot");
        });
        assertThat(problems).anyMatch(p -> p.contains("gateway[gateway]: readOnlyRootFilesystem must be true"));
        assertThat(problems).anyMatch(p -> p.contains("gateway[gateway]: runAsNonRoot must be true"));
    }

    @Test
    void unpinnedImagesAreReported() {
        List<String> problems = problemsAfter(o -> {
            container(o, "gateway").put("image", "pemilu/gateway:latest");
            container(o, "voter-portal").put("image", "pemilu/voter-portal");
        });
        assertThat(problems).anyMatch(p -> p.contains("'pemilu/gateway:latest' is not pinned"));
        assertThat(problems).anyMatch(p -> p.contains("'pemilu/voter-portal' has no tag"));
    }

    @Test
    void realSecretValueIsReported() {
        assertThat(problemsAfter(o -> ((ObjectNode) find(o, "Secret", "rabbitmq-app").path("stringData"))
                .put("password", "Tr0ub4dor&3")))
                .anyMatch(p -> p.contains("Secret/rabbitmq-app: value of 'password' is not a marked throwaway"));
    }

    @Test
    void passwordAsLiteralEnvironmentValueIsReported() {
        assertThat(problemsAfter(o -> {
            ObjectNode e = env(container(o, "recap-service"), "RABBITMQ_PASSWORD");
            e.remove("valueFrom");
            e.put("value", "dev-only-rabbitmq");
        })).anyMatch(p -> p.contains("RABBITMQ_PASSWORD is set as a literal value"));
    }

    @Test
    void referenceToAMissingSecretKeyIsReported() {
        assertThat(problemsAfter(o -> ((ObjectNode) env(container(o, "candidate-service"), "PEMILU_NIK_HMAC_KEY")
                .path("valueFrom").path("secretKeyRef")).put("key", "hmac")))
                .anyMatch(p -> p.contains("refers to key 'hmac' of Secret 'nik-hmac' which has no such key"));
    }

    @Test
    void serviceSelectingNothingIsReported() {
        assertThat(problemsAfter(o -> ((ObjectNode) find(o, "Service", "recap-service").path("spec")
                .path("selector")).put("app", "recap")))
                .anyMatch(p -> p.contains("Service/recap-service: selects no pod"));
    }

    @Test
    void loadBalancerServiceIsReported() {
        assertThat(problemsAfter(o -> ((ObjectNode) find(o, "Service", "gateway").path("spec"))
                .put("type", "LoadBalancer")))
                .anyMatch(p -> p.contains("Service/gateway: type LoadBalancer exposes it"));
    }

    @Test
    void podWithoutItsOwnNetworkPolicyIsReported() {
        List<String> problems = problemsAfter(o -> o.remove(find(o, "NetworkPolicy", "desk-pilkada")));
        assertThat(problems).anyMatch(p -> p.contains("Deployment/desk-pilkada: no NetworkPolicy of its own"));
        // the default deny still holds: the desk no longer reaches its database, and the gateway no longer the desk
        assertThat(problems).anyMatch(p -> p.contains("Deployment/desk-pilkada: MONGODB_HOSTS calls mongodb:27017"));
        assertThat(problems).anyMatch(p -> p.contains("Deployment/gateway: DESK_PILKADA_URL calls desk-pilkada:8086"));
    }

    @Test
    void connectionTheConfigurationNeedsButThePoliciesForbidIsReported() {
        assertThat(problemsAfter(o -> {
            ArrayNode egress = (ArrayNode) find(o, "NetworkPolicy", "party-registry").path("spec").path("egress");
            egress.remove(1); // the rule to rabbitmq
        })).anyMatch(p -> p.contains("Deployment/party-registry: RABBITMQ_HOST calls rabbitmq:5672 but the "
                + "NetworkPolicies do not allow"));
    }

    @Test
    void ingressFromAnotherNamespaceIsReported() {
        assertThat(problemsAfter(o -> ((ObjectNode) find(o, "NetworkPolicy", "recap-service").path("spec")
                .path("ingress").get(0).path("from").get(0)).set("namespaceSelector",
                        tools.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("matchLabels",
                                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                        .put("kubernetes.io/metadata.name", "default")))))
                .anyMatch(p -> p.contains("NetworkPolicy/recap-service: ingress from namespaces"));
    }

    @Test
    void missingDefaultDenyIsReported() {
        assertThat(problemsAfter(o -> o.remove(find(o, "NetworkPolicy", "default-deny"))))
                .anyMatch(p -> p.contains("no default deny"));
    }

    @Test
    void missingDisruptionBudgetIsReported() {
        assertThat(problemsAfter(o -> o.remove(find(o, "PodDisruptionBudget", "mongodb"))))
                .anyMatch(p -> p.contains("StatefulSet/mongodb: no PodDisruptionBudget"));
    }

    @Test
    void twoAutoscalersOnOneWorkloadAreReported() {
        assertThat(problemsAfter(productionKeda, o -> o.add(Repo.render("production").stream()
                .filter(x -> "HorizontalPodAutoscaler".equals(x.path("kind").asString())).findFirst().orElseThrow())))
                .anyMatch(p -> p.contains("two autoscalers on one workload fight"));
    }

    @Test
    void unknownFieldInAScaledObjectIsReported() {
        List<String> problems = problemsAfter(productionKeda, o -> {
            ObjectNode spec = (ObjectNode) find(o, "ScaledObject", "ocr-c1-reader").path("spec");
            spec.put("maxReplicas", 10);
            ((ObjectNode) spec.path("triggers").get(0).path("metadata")).put("queueLength", "20");
        });
        assertThat(problems).anyMatch(p -> p.contains("ScaledObject/ocr-c1-reader.spec: unknown field 'maxReplicas'"));
        assertThat(problems).anyMatch(p -> p.contains("unknown field 'queueLength'"));
    }

    @Test
    void variableUsedBeforeItIsDefinedIsReported() {
        assertThat(problemsAfter(o -> {
            ArrayNode env = (ArrayNode) container(o, "recap-service").path("env");
            ObjectNode uri = env(container(o, "recap-service"), "MONGODB_URI");
            for (int i = 0; i < env.size(); i++) {
                if (env.get(i) == uri) {
                    env.remove(i);
                }
            }
            env.insert(0, uri);
        })).anyMatch(p -> p.contains("recap-service[recap-service]: MONGODB_URI uses $(MONGODB_PASSWORD), which is not "
                + "defined before it"));
    }

    @Test
    void whatTheRestrictedPodSecurityStandardRefusesIsReported() {
        List<String> problems = problemsAfter(o -> {
            ObjectNode spec = (ObjectNode) find(o, "StatefulSet", "mongodb").path("spec").path("template").path("spec");
            spec.put("hostNetwork", true);
            ((ArrayNode) spec.path("volumes")).addObject().put("name", "host").putObject("hostPath").put("path", "/");
            ((ObjectNode) container(o, "gateway").path("ports").get(0)).put("hostPort", 80);
        });
        assertThat(problems).anyMatch(p -> p.contains("StatefulSet/mongodb: hostNetwork is not allowed"));
        assertThat(problems).anyMatch(p -> p.contains("StatefulSet/mongodb: hostPath volume 'host'"));
        assertThat(problems).anyMatch(p -> p.contains("gateway[gateway]: hostPort 80 is not allowed"));
    }

    @Test
    void fixedReplicaCountOnAnAutoscaledWorkloadIsReported() {
        assertThat(problemsAfter(productionKeda, o -> ((ObjectNode) find(o, "Deployment", "ocr-c1-reader")
                .path("spec")).put("replicas", 2)))
                .anyMatch(p -> p.contains("Deployment/ocr-c1-reader sets spec.replicas although"));
    }
}
