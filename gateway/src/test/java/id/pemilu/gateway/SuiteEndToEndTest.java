package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.test.LocalRabbitMq;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end against the running suite ({@code ./suite up}): the real Keycloak issues the tokens, the gateway
 * validates and relays them, the services check roles and scope, and RabbitMQ carries events between services.
 * Run with {@code ./mvnw -De2e -pl gateway test} (part of {@code ./suite test}).
 */
@Tag("e2e")
class SuiteEndToEndTest {

    static final String GATEWAY = env("GATEWAY", "http://127.0.0.1:8080");
    static final String KEYCLOAK = env("KEYCLOAK", "http://127.0.0.1:8180");
    static final String CANDIDATE_SERVICE = env("CANDIDATE_SERVICE_URL", "http://127.0.0.1:8083");
    static final String PASSWORD = env("DEV_PASSWORD", "dev-only-pemilu");
    /** HTTP/1.1 with timeouts: a stuck call fails the test instead of hanging the build. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void apiWithoutTokenIsRefused() throws Exception {
        HttpResponse<String> response = call("GET", "/api/recap/me", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void wrongRoleIsForbidden() throws Exception {
        HttpResponse<String> response = call("GET", "/api/recap/me", token(KEYCLOAK, "operator.pnb"), null);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void rightRoleReachesTheServiceWithTheTpsCodeClaim() throws Exception {
        HttpResponse<String> response = call("GET", "/api/recap/me", token(KEYCLOAK, "kpps.gambir.1"), null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.path("username").asString()).isEqualTo("kpps.gambir.1");
        assertThat(me.path("tpsCode").asString()).isEqualTo("31.71.01.1001.001");
    }

    /**
     * Keycloak runs with one fixed host name, so a token fetched through another name (localhost) still carries the
     * one issuer every service trusts and is accepted; a token of any other issuer is refused (GatewayTest).
     */
    @Test
    void oneIssuerWhicheverHostNameTheTokenWasFetchedThrough() throws Exception {
        String viaLocalhost = token(KEYCLOAK.replace("127.0.0.1", "localhost"), "kpps.gambir.1");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(viaLocalhost.split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(JSON.readTree(payload).path("iss").asString()).isEqualTo(KEYCLOAK + "/realms/pemilu");
        assertThat(call("GET", "/api/recap/me", viaLocalhost, null).statusCode()).isEqualTo(200);
    }

    @Test
    void partyRegisteredInSipolReachesSilonExactlyOnceAcrossABrokerRestart() throws Exception {
        String kpuRi = token(KEYCLOAK, "kpu.ri");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        int parties = 30;
        double appliedBefore = processedCounter();
        List<String> ids = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        Thread registrar = new Thread(() -> {
            for (int i = 0; i < parties; i++) {
                String id = "e" + run + "-" + i;
                String body = "{\"id\":\"" + id + "\",\"name\":\"Partai Uji " + run + " " + i + "\",\"abbreviation\":\"U"
                        + i + "\",\"leadership\":[{\"name\":\"Ketua Uji\",\"role\":\"KETUA\",\"gender\":\"F\"}]}";
                try {
                    statuses.add(call("POST", "/api/parties", kpuRi, body).statusCode());
                    ids.add(id);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                LocalRabbitMq.sleep(100);
            }
        });
        registrar.start();
        LocalRabbitMq.sleep(700);
        LocalRabbitMq.stop();
        LocalRabbitMq.sleep(2000);
        LocalRabbitMq.start();
        registrar.join();
        assertThat(statuses).hasSize(parties).allMatch(status -> status == 201);

        Set<String> known = new HashSet<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!known.containsAll(ids) && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            HttpResponse<String> list = call("GET", "/api/candidates/parties", kpuRi, null);
            if (list.statusCode() == 200) {
                for (JsonNode party : JSON.readTree(list.body())) {
                    known.add(party.path("partyId").asString());
                }
            }
        }
        assertThat(known).as("every registered party arrived in candidate-service").containsAll(ids);
        Thread.sleep(3000);
        assertThat(processedCounter() - appliedBefore).as("each PartyRegistered applied exactly once")
                .isEqualTo(parties);
    }

    private static double processedCounter() throws Exception {
        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(
                URI.create(CANDIDATE_SERVICE + "/actuator/prometheus")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("^pemilu_inbox_processed_total\\{[^}]*consumer=\"candidate-service.parties\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static HttpResponse<String> call(String method, String path, String token, String json, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(String keycloak, String username) throws Exception {
        String form = "grant_type=password&client_id=pemilu-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/pemilu/protocol/openid-connect/token"))
                .timeout(TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Keycloak token for " + username).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
