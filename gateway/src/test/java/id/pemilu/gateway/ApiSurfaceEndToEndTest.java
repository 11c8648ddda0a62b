package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standing security suite's first part, against the running suite ({@code ./mvnw -De2e -pl gateway test}):
 * every operation the services publish in their OpenAPI documents (read through the gateway) must have a row in
 * {@code security/operations.csv}, and every row must still exist, so a new endpoint cannot escape the suite. Then
 * every operation is called anonymously through the gateway: a "token" operation must answer 401, a "public" one
 * must not ask for a login. Path parameters get harmless sample values; the call happens with an empty JSON body.
 */
@Tag("e2e")
class ApiSurfaceEndToEndTest {

    static final String GATEWAY = env("GATEWAY", "http://127.0.0.1:8080");
    static final List<String> SERVICES = List.of("party-registry", "candidate-service", "recap-service", "ocr-c1-reader",
            "desk-pilkada");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Operation(String service, String method, String path) {
        @Override
        public String toString() {
            return service + "," + method + "," + path;
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static Map<Operation, String> expectations() throws IOException {
        Map<Operation, String> rows = new LinkedHashMap<>();
        try (InputStream in = ApiSurfaceEndToEndTest.class.getResourceAsStream("/security/operations.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("service,")) {
                    continue;
                }
                String[] cells = line.strip().split(",");
                rows.put(new Operation(cells[0], cells[1], cells[2]), cells[3]);
            }
        }
        return rows;
    }

    static List<Operation> published() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (String service : SERVICES) {
            HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api-docs/" + service))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(docs.statusCode()).as("API document of " + service).isEqualTo(200);
            JsonNode paths = JSON.readTree(docs.body()).get("paths");
            for (var path : paths.properties()) {
                for (var method : path.getValue().properties()) {
                    if (List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                        operations.add(new Operation(service, method.getKey().toUpperCase(), path.getKey()));
                    }
                }
            }
        }
        return operations;
    }

    @Test
    void everyPublishedOperationHasAnExpectationAndEveryExpectationAnOperation() throws Exception {
        Map<Operation, String> table = expectations();
        List<Operation> published = published();
        TreeSet<String> missing = new TreeSet<>();
        published.stream().filter(op -> !table.containsKey(op)).forEach(op -> missing.add(op + ","
                + (op.path().contains("/public/") ? "public" : "token")));
        TreeSet<String> stale = new TreeSet<>();
        table.keySet().stream().filter(op -> !published.contains(op)).forEach(op -> stale.add(op.toString()));
        assertThat(missing).as("operations without a row in gateway/src/test/resources/security/operations.csv "
                + "(add these lines after checking who may call them)").isEmpty();
        assertThat(stale).as("rows for operations the services no longer publish").isEmpty();
    }

    @Test
    void anonymousCallersReachOnlyThePublicOperations() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var row : expectations().entrySet()) {
            Operation op = row.getKey();
            String path = op.path().replaceAll("\\{tpsCode}", "31.71.01.1001.001").replaceAll("\\{ballotType}", "PPWP")
                    .replaceAll("\\{sha256}", "0".repeat(64)).replaceAll("\\{[^}]+}", "contoh");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path))
                    .timeout(Duration.ofSeconds(75)).header("Content-Type", "application/json");
            request = op.method().equals("GET") || op.method().equals("DELETE")
                    ? request.method(op.method(), HttpRequest.BodyPublishers.noBody())
                    : request.method(op.method(), HttpRequest.BodyPublishers.ofString("{}"));
            long started = System.nanoTime();
            int status;
            try {
                status = send(request.build());
            } catch (java.io.IOException e) {
                // one transport failure (a reset or a stall) is reported and the call repeated once: this test is
                // about who may call what; a second failure fails it with the operation and the time it took
                System.out.printf("anonymous call %s failed after %d ms (%s); repeated once%n", op,
                        (System.nanoTime() - started) / 1_000_000, e);
                try {
                    status = send(request.build());
                } catch (java.io.IOException again) {
                    wrong.add(op + " (" + row.getValue() + ") failed twice, last after "
                            + (System.nanoTime() - started) / 1_000_000 + " ms: " + again);
                    continue;
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > 5_000) {
                System.out.printf("slow anonymous call: %s answered %d in %d ms%n", op, status, millis);
            }
            boolean ok = row.getValue().equals("token") ? status == 401 : status != 401 && status != 403 && status < 500;
            if (!ok) {
                wrong.add(op + " (" + row.getValue() + ") answered " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static int send(HttpRequest request) throws java.io.IOException, InterruptedException {
        int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 429) {
            Thread.sleep(2_000);
            status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        return status;
    }
}
