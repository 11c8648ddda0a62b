package id.pemilu.recapbench;

import id.pemilu.recap.registry.RegistryGenerator;
import id.pemilu.recap.registry.Station;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keycloak-issued tokens for the benchmark through the gateway (recap-service/bench/gateway.sh). Creates, once, the
 * realm {@code pemilu-bench}: the repo's realm {@code pemilu} (its roles, clients and claim mappers) with only its dev
 * user {@code kpu.ri}, a public client {@code pemilu-bench} with {@code pemilu-cli}'s mappers, two-hour tokens (so
 * tokens fetched before the run do not expire during it), and a password hash of one PBKDF2 round: Keycloak's default
 * (Argon2) took about 100 ms of CPU per account created and again per sign-in on this machine, which made the
 * accounts of more than a few thousand TPS an hour's work. Then one KPPS account per TPS of a region
 * ({@code bench.kpps.<tps>}, DEV-ONLY password) with the admin API's partial import, one password grant per account,
 * in parallel; writes {@code <tps> <token>} lines and a {@code kpu-ri} line to the output file. recap-service and
 * the gateway of the benchmark trust this realm's issuer; the real realm {@code pemilu} is not touched.
 * <p>
 * Arguments: {@code keycloakUrl region outputFile [realmJson]}. For a dev Keycloak only (its dev admin, DEV-ONLY
 * passwords, weak hashing on purpose).
 */
public final class KeycloakBenchTokens {

    /** THROWAWAY DEV-ONLY password of the benchmark's accounts and of the realm's dev users. */
    static final String DEV_ONLY_PASSWORD = "dev-only-pemilu";
    private static final String CLIENT = "pemilu-bench";
    static final String REALM = "pemilu-bench";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String keycloak;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakBenchTokens(String keycloak) {
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws Exception {
        String keycloak = args.length > 0 ? args[0] : "http://127.0.0.1:8180";
        String region = args.length > 1 ? args[1] : "31";
        Path out = Path.of(args.length > 2 ? args[2] : "bench-tokens.txt");
        Path realm = Path.of(args.length > 3 ? args[3] : "keycloak/realm-pemilu.json");
        List<Station> stations = new ArrayList<>();
        for (String one : region.split(",")) {
            RegistryGenerator.generate(one.trim(), stations::add);
        }
        new KeycloakBenchTokens(keycloak).run(stations, out, realm);
    }

    private void run(List<Station> stations, Path out, Path realmJson) throws Exception {
        long t0 = System.nanoTime();
        ensureRealm(realmJson);
        for (int from = 0; from < stations.size(); from += 250) {
            importUsers(stations.subList(from, Math.min(stations.size(), from + 250)));
        }
        System.out.printf("Keycloak: %,d bench KPPS accounts present (%.1f s)%n", stations.size(),
                (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        String[] tokens = new String[stations.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < stations.size()) {
                    tokens[i] = password("bench.kpps." + stations.get(i).code().value());
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < stations.size(); i++) {
            lines.append(stations.get(i).code().value()).append(' ').append(tokens[i]).append('\n');
        }
        lines.append("kpu-ri ").append(password("kpu.ri")).append('\n');
        Files.writeString(out, lines);
        System.out.printf("Keycloak: %,d tokens issued in %.1f s (%.1f ms each, 4 at a time)%n", stations.size(),
                (System.nanoTime() - t1) / 1e9, (System.nanoTime() - t1) / 1e6 * 4 / stations.size());
    }

    /** The benchmark's realm: the repo's realm renamed, its dev users but kpu.ri left out, cheap hashing. */
    private void ensureRealm(Path realmJson) throws Exception {
        String admin = adminToken();
        HttpResponse<String> existing = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/"
                + REALM)).header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (existing.statusCode() == 200) {
            return;
        }
        ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(realmJson));
        realm.remove("id");
        realm.put("realm", REALM).put("displayName", "DEV ONLY: recap-service benchmark")
                .put("passwordPolicy", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)")
                .put("bruteForceProtected", false).put("accessTokenLifespan", 7200);
        ArrayNode users = JSON.createArrayNode();
        for (JsonNode user : realm.get("users")) {
            if (user.get("username").asString().equals("kpu.ri")) {
                users.add(user);
            }
        }
        realm.set("users", users);
        ArrayNode clients = (ArrayNode) realm.get("clients");
        JsonNode cli = null;
        for (JsonNode client : clients) {
            ((ObjectNode) client).remove("id");
            if (client.get("clientId").asString().equals("pemilu-cli")) {
                cli = client;
            }
        }
        ObjectNode client = clients.addObject().put("clientId", CLIENT).put("publicClient", true)
                .put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false)
                .put("name", "DEV ONLY: recap-service benchmark");
        ArrayNode mappers = client.putArray("protocolMappers");
        for (JsonNode mapper : cli.get("protocolMappers")) {
            ObjectNode copy = ((ObjectNode) mapper).deepCopy();
            copy.remove("id");
            mappers.add(copy);
        }
        send("POST", "/admin/realms", admin, realm.toString(), 201);
    }

    private void importUsers(List<Station> chunk) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("ifResourceExists", "SKIP");
        ArrayNode users = body.putArray("users");
        for (Station s : chunk) {
            String tps = s.code().value();
            ObjectNode user = users.addObject().put("username", "bench.kpps." + tps).put("enabled", true)
                    .put("emailVerified", true).put("firstName", "Bench").put("lastName", "KPPS " + tps)
                    .put("email", "bench.kpps." + tps + "@pemilu.invalid");
            user.putArray("realmRoles").add("kpps");
            user.putObject("attributes").putArray("tps_code").add(tps);
            user.putArray("credentials").addObject().put("type", "password").put("value", DEV_ONLY_PASSWORD)
                    .put("temporary", false);
        }
        send("POST", "/admin/realms/" + REALM + "/partialImport", adminToken(), body.toString(), 200);
    }

    private String password(String username) throws Exception {
        String form = "grant_type=password&client_id=" + CLIENT + "&username=" + enc(username) + "&password="
                + enc(DEV_ONLY_PASSWORD);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                            + "/realms/" + REALM + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body()).get("access_token").asString();
            }
            if (attempt == 3) {
                throw new IOException("token for " + username + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            Thread.sleep(500);
        }
    }

    private String adminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + enc(System.getenv().getOrDefault("KC_ADMIN_PASSWORD", "dev-only-admin"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak admin token: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private String get(String path, String token) throws Exception {
        return send("GET", path, token, null, 200);
    }

    private String send(String method, String path, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int space = line.indexOf(' ');
            if (space > 0) {
                tokens.put(line.substring(0, space), line.substring(space + 1));
            }
        }
        return tokens;
    }
}
