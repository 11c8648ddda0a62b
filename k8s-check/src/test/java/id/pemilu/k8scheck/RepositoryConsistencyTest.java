package id.pemilu.k8scheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The manifests agree with the rest of the repository: modules, their settings, the realm, the reader's queue. */
class RepositoryConsistencyTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    private static JsonNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asString())
                && name.equals(o.path("metadata").path("name").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    private static Map<String, String> env(List<ObjectNode> objects, String deployment) {
        JsonNode c = Workloads.mainContainers(find(objects, "Deployment", deployment)).get(0);
        return Env.of(c, ManifestChecks.byName(objects, "ConfigMap"));
    }

    private static List<String> envNames(List<ObjectNode> objects, String deployment) {
        List<String> names = new ArrayList<>();
        Workloads.mainContainers(find(objects, "Deployment", deployment)).get(0).path("env")
                .forEach(e -> names.add(e.path("name").asString()));
        return names;
    }

    /** Modules that are services: a folder of the repository with src/main/resources/application.yml. */
    private static List<Path> serviceModules() throws IOException {
        try (Stream<Path> dirs = Files.list(Repo.root())) {
            return dirs.filter(d -> Files.exists(d.resolve("src/main/resources/application.yml"))).sorted().toList();
        }
    }

    /** The ${NAME:default} settings of a module's application.yml. */
    private static Map<String, String> settings(Path module) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Matcher m = DEFAULT.matcher(Repo.read(module.resolve("src/main/resources/application.yml")));
        while (m.find()) {
            out.putIfAbsent(m.group(1), m.group(2));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceModuleHasADeploymentWithItsPortDatabaseAndEndpoints(String overlay) throws IOException {
        List<ObjectNode> objects = Repo.render(overlay);
        List<Path> modules = serviceModules();
        assertThat(modules).extracting(p -> p.getFileName().toString())
                .contains("gateway", "voter-portal", "party-registry", "candidate-service", "recap-service",
                        "ocr-c1-reader");
        for (Path module : modules) {
            String name = module.getFileName().toString();
            Map<String, String> settings = settings(module);
            Map<String, String> env = env(objects, name);
            assertThat(env.get("SERVER_PORT")).as(name + " SERVER_PORT").isEqualTo(settings.get("SERVER_PORT"));
            if (settings.containsKey("MONGODB_DATABASE") && env.containsKey("MONGODB_URI")) {
                assertThat(env.get("MONGODB_URI")).as(name + " database")
                        .contains("/" + settings.get("MONGODB_DATABASE") + "?");
            }
            for (String setting : settings.keySet()) {
                if (setting.matches(".*_(URL|KEY|SECRET|TOKEN|PASSWORD)")) {
                    assertThat(envNames(objects, name)).as(name + " reads " + setting).contains(setting);
                }
            }
        }
    }

    @Test
    void deskPilkadaRunsOnItsPortWithItsOwnDatabaseAndNoBroker() {
        List<ObjectNode> objects = Repo.render("production");
        Map<String, String> env = env(objects, "desk-pilkada");
        assertThat(env).containsEntry("SERVER_PORT", "8086");
        assertThat(env.get("MONGODB_URI")).contains("/desk_pilkada?").contains("authSource=desk_pilkada");
        assertThat(env.keySet()).noneMatch(k -> k.startsWith("RABBITMQ"));
        assertThat(find(objects, "Service", "desk-pilkada").path("spec").path("ports").get(0).path("port").asInt())
                .isEqualTo(8086);
        assertThat(env(objects, "gateway")).containsEntry("DESK_PILKADA_URL", "http://desk-pilkada:8086");
    }

    @Test
    void voterPortalAndGatewayGetNoStoreOrBrokerSecret() {
        List<ObjectNode> objects = Repo.render("production");
        for (String name : List.of("voter-portal", "gateway")) {
            String deployment = find(objects, "Deployment", name).toString();
            assertThat(deployment).as(name).doesNotContain("MONGODB").doesNotContain("RABBITMQ");
            Matcher m = Pattern.compile("\"secretKeyRef\":\\{\"name\":\"([^\"]+)\"").matcher(deployment);
            List<String> secrets = new ArrayList<>();
            while (m.find()) {
                secrets.add(m.group(1));
            }
            assertThat(secrets).as(name).containsExactlyElementsOf(name.equals("gateway")
                    ? List.of("pemilu-gateway-key") : List.of("pemilu-gateway-key", "voter-portal-oidc"));
        }
    }

    @Test
    void scaledObjectWatchesTheQueueTheReaderConsumes() throws IOException {
        String yml = Repo.read(Repo.root().resolve("ocr-c1-reader/src/main/resources/application.yml"));
        Matcher m = Pattern.compile("photo-queue: \\$\\{OCR_PHOTO_QUEUE:([^}]+)}").matcher(yml);
        assertThat(m.find()).as("ocr-c1-reader's photo-queue setting").isTrue();
        List<ObjectNode> objects = Repo.render("production-keda");
        JsonNode trigger = find(objects, "ScaledObject", "ocr-c1-reader").path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asString()).isEqualTo("rabbitmq");
        assertThat(trigger.path("metadata").path("queueName").asString()).isEqualTo(m.group(1));
        assertThat(env(objects, "ocr-c1-reader")).doesNotContainKey("OCR_PHOTO_QUEUE");
        assertThat(objects).noneMatch(o -> "HorizontalPodAutoscaler".equals(o.path("kind").asString()));
        assertThat(Repo.render("production")).anyMatch(o -> "HorizontalPodAutoscaler".equals(o.path("kind").asString()));
    }

    @Test
    void devRunsOneOfEverythingWithTheDevRealm() {
        List<ObjectNode> objects = Repo.render("dev");
        for (ObjectNode o : objects) {
            if (Set.of("Deployment", "StatefulSet").contains(o.path("kind").asString())) {
                assertThat(o.path("spec").path("replicas").asInt()).as(Kustomize.id(o)).isEqualTo(1);
            }
        }
        assertThat(ManifestChecks.byName(objects, "ConfigMap").get("pemilu-backends").path("data")
                .path("MONGODB_HOSTS").asString()).isEqualTo("mongodb-0.mongodb:27017");
        String realm = find(objects, "ConfigMap", "keycloak-realm").path("data").path("realm-pemilu.json").asString();
        assertThat(realm).as("overlays/dev/realm is a copy of keycloak/realm-pemilu.json: run k8s/sync-realm.sh")
                .isEqualTo(Repo.read(Repo.root().resolve("keycloak/realm-pemilu.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "production-keda"})
    void productionSpreadsPodsCommitsNoSecretAndHasNoDevUsers(String overlay) {
        List<ObjectNode> objects = Repo.render(overlay);
        assertThat(objects).noneMatch(o -> "Secret".equals(o.path("kind").asString()));
        for (ObjectNode o : objects) {
            if (Set.of("Deployment", "StatefulSet").contains(o.path("kind").asString())
                    && !o.path("metadata").path("name").asString().equals("keycloak-db")) {
                assertThat(Workloads.podSpec(o).path("affinity").path("podAntiAffinity").isEmpty())
                        .as(Kustomize.id(o) + " anti-affinity").isFalse();
            }
        }
        for (String store : List.of("mongodb", "rabbitmq")) {
            JsonNode sts = find(objects, "StatefulSet", store);
            assertThat(sts.path("spec").path("replicas").asInt()).as(store).isEqualTo(3);
            assertThat(Workloads.podSpec(sts).path("affinity").path("podAntiAffinity")
                    .has("requiredDuringSchedulingIgnoredDuringExecution")).as(store).isTrue();
        }
        assertThat(find(objects, "ConfigMap", "pemilu-backends").path("data").path("MONGODB_HOSTS").asString()
                .split(",")).hasSize(3);
        JsonNode realm = JSON.readTree(find(objects, "ConfigMap", "keycloak-realm").path("data")
                .path("realm-pemilu.json").asString());
        assertThat(realm.has("users")).isFalse();
        assertThat(realm.toString()).doesNotContain("dev-only").doesNotContain("127.0.0.1").doesNotContain("localhost");
        assertThat(realm).as("overlays/production/realm is derived from keycloak/realm-pemilu.json: run "
                + "k8s/sync-realm.sh").isEqualTo(productionRealm());
    }

    /** What k8s/sync-realm.sh makes of the dev realm: no users, no client secrets, HTTPS only, the public host. */
    private static JsonNode productionRealm() {
        ObjectNode realm = (ObjectNode) JSON.readTree(Repo.read(Repo.root().resolve("keycloak/realm-pemilu.json")));
        realm.remove("users");
        realm.put("sslRequired", "all");
        for (JsonNode client : realm.path("clients")) {
            ((ObjectNode) client).remove("secret");
            ((ObjectNode) client).set("redirectUris", JSON.createArrayNode().add("https://pemilu.example/*"));
            ((ObjectNode) client).set("webOrigins", JSON.createArrayNode().add("https://pemilu.example"));
            JsonNode logout = client.path("attributes").path("post.logout.redirect.uris");
            if (logout.isString() && !logout.asString().equals("+")) {
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", "https://pemilu.example/*");
            }
        }
        return realm;
    }

    @Test
    void everySecretProductionNeedsIsDocumentedAndHasADevPlaceholder() {
        Set<String> dev = ManifestChecks.byName(Repo.render("dev"), "Secret").keySet();
        String readme = Repo.read(Repo.k8s().resolve("README.md"));
        Set<String> needed = new TreeSet<>();
        for (String overlay : List.of("production", "production-keda")) {
            needed.addAll(secretNames(Repo.render(overlay)));
        }
        assertThat(needed).contains("rabbitmq-app", "nik-hmac", "keda-rabbitmq", "pemilu-tls");
        for (String name : needed) {
            assertThat(readme).as("k8s/README.md tells how to create Secret " + name).contains(name);
            if (!Set.of("keda-rabbitmq", "pemilu-tls").contains(name)) {
                assertThat(dev).as("dev has a placeholder for " + name).contains(name);
            }
        }
    }

    private static Set<String> secretNames(List<ObjectNode> objects) {
        Set<String> out = new TreeSet<>();
        Pattern ref = Pattern.compile("\"(?:secretName|secretKeyRef)\":(?:\\{[^}]*\"name\":)?\"([a-z0-9-]+)\"");
        for (ObjectNode o : objects) {
            Matcher m = ref.matcher(o.toString());
            while (m.find()) {
                out.add(m.group(1));
            }
            for (JsonNode t : o.path("spec").path("secretTargetRef")) {
                out.add(t.path("name").asString());
            }
        }
        return out;
    }

    @Test
    void secretNamesAreFoundInTheRendering() {
        // the helper above must see every kind of reference, or the README test proves nothing
        Set<String> names = secretNames(Repo.render("production-keda"));
        assertThat(names).contains("mongodb-admin", "rabbitmq-erlang-cookie", "party-registry-nik", "keda-rabbitmq",
                "pemilu-tls", "keycloak-db");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production", "production-keda"})
    void tokensAreIssuedByTheHostTheServicesExpect(String overlay) {
        List<ObjectNode> objects = Repo.render(overlay);
        JsonNode config = find(objects, "ConfigMap", "pemilu-config").path("data");
        String hostname = config.path("KEYCLOAK_HOSTNAME").asString();
        // Keycloak stamps its fixed host name into every token; the services accept only KEYCLOAK_ISSUER
        assertThat(config.path("KEYCLOAK_ISSUER").asString()).isEqualTo(hostname + "/realms/pemilu");
        assertThat(Workloads.mainContainers(find(objects, "Deployment", "keycloak")).get(0).toString())
                .contains("\"configMapKeyRef\":{\"name\":\"pemilu-config\",\"key\":\"KEYCLOAK_HOSTNAME\"}");
        if (!overlay.equals("dev")) {
            assertThat(hostname).startsWith("https://");
            String host = hostname.substring("https://".length());
            JsonNode ingress = find(objects, "Ingress", "pemilu").path("spec");
            List<String> hosts = new ArrayList<>();
            ingress.path("rules").forEach(r -> hosts.add(r.path("host").asString()));
            assertThat(hosts).contains(host);
            assertThat(ingress.path("tls").get(0).path("hosts").toString()).contains(host);
            // the drawing by lot uses the election's published seed, never the demo's
            assertThat(env(objects, "recap-service").get("RECAP_DETERMINATION_SEED")).as("RECAP_DETERMINATION_SEED")
                    .isNotBlank()
                    .isNotEqualTo(settings(Repo.root().resolve("recap-service")).get("RECAP_DETERMINATION_SEED"));
            // D.Hasil documents print the gateway's public address
            assertThat(hosts).contains(env(objects, "recap-service").get("RECAP_PUBLIC_BASE_URL")
                    .substring("https://".length()));
        }
    }
}
