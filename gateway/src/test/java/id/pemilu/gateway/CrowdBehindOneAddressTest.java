package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Carrier-grade NAT: thousands of phones reach the gateway from one address. With the shipped limits (20 anonymous
 * calls/s per address, burst 40; public result reads in their own bucket of 5,000/s), a crowd behind one address
 * reading results gets no 429, while the NIK check and other anonymous calls from one address are still limited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrowdBehindOneAddressTest {

    static final HttpServer BACKEND = startBackend();
    static final int PHONES = 50;
    static final int READS_EACH = 24;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("RECAP_SERVICE_URL", () -> backend);
        registry.add("PARTY_REGISTRY_URL", () -> backend);
        registry.add("VOTER_PORTAL_URL", () -> backend);
        registry.add("KEYCLOAK_JWKS", () -> backend + "/jwks");
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    @Test
    void aCrowdBehindOneAddressReadsPublicResultsWithoutA429() throws Exception {
        String nat = "127.0.0.21";
        List<String> paths = List.of("/api/recap/public/totals?region=31&ballotType=PPWP",
                "/api/recap/public/tps/31.71.01.1001.001", "/api/recap/public/regions?parent=31",
                "/api/recap/public/progress?region=31.71.01", "/api/recap/public/photos/" + "ab".repeat(32));
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService phones = Executors.newFixedThreadPool(PHONES);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int phone = 0; phone < PHONES; phone++) {
                int first = phone;
                answers.add(phones.submit(() -> {
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < READS_EACH; i++) {
                        mine.add(status(raw(nat, "GET", paths.get((first + i) % paths.size()), "")));
                    }
                    return mine;
                }));
            }
            for (Future<List<Integer>> answer : answers) {
                answer.get().forEach(s -> statuses.merge(s, 1, Integer::sum));
            }
        } finally {
            phones.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int reads = PHONES * READS_EACH;
        assertThat(statuses).as("%d reads from one address in %.1f s", reads, seconds)
                .isEqualTo(Map.of(200, reads));
        // the address's anonymous bucket alone (burst 40, 20/s) would have refused most of them
        assertThat((double) reads).as("more reads than the per-address bucket lets through in %.1f s", seconds)
                .isGreaterThan(40 + 20 * Math.ceil(seconds));
        // and the crowd's reads did not use up the address's NIK checks
        assertThat(status(raw(nat, "POST", "/api/members/public/nik-check", "{\"nik\":\"3171010101010001\"}")))
                .isEqualTo(200);
    }

    @Test
    void nikChecksFromOneAddressAreStillLimited() throws Exception {
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = burst("127.0.0.22", "POST", "/api/members/public/nik-check",
                "{\"nik\":\"3171010101010001\"}");
        long seconds = (long) Math.ceil((System.nanoTime() - started) / 1e9);
        int allowed = 40 + 20 * (int) seconds;
        assertThat(statuses.getOrDefault(200, 0)).as("NIK checks let through in %d s: %s", seconds, statuses)
                .isLessThanOrEqualTo(allowed);
        assertThat(statuses.getOrDefault(429, 0)).as("refused in %d s: %s", seconds, statuses)
                .isGreaterThanOrEqualTo(400 - allowed).isPositive();
    }

    @Test
    void otherAnonymousReadsStayInTheSmallBucket() throws Exception {
        long started = System.nanoTime();
        Map<Integer, Integer> statuses = burst("127.0.0.23", "GET", "/api/recap/public/download?region=31", "");
        long seconds = (long) Math.ceil((System.nanoTime() - started) / 1e9);
        assertThat(statuses.getOrDefault(200, 0)).as("downloads let through in %d s: %s", seconds, statuses)
                .isLessThanOrEqualTo(40 + 20 * (int) seconds);
        assertThat(statuses.getOrDefault(429, 0)).isPositive();
    }

    /** 400 requests from one address, 16 at a time; the count of each status. */
    private Map<Integer, Integer> burst(String from, String method, String path, String body) throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                answers.add(senders.submit(() -> status(raw(from, method, path, body))));
            }
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
        } finally {
            senders.shutdownNow();
        }
        return statuses;
    }

    private static int status(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 ");
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** One HTTP/1.1 request over a socket bound to {@code from} (127.0.0.x): every phone behind one NAT address. */
    private String raw(String from, String method, String path, String body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (bytes.length > 0 ? "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                    : "") + "\r\n";
            // head and body in one write: the gateway reads both before it answers 429 and closes (a body arriving
            // after the close would make the client's socket reset before the answer is read)
            var request = new java.io.ByteArrayOutputStream();
            request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(bytes);
            var out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
