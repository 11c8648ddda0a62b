package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway answers public result reads the service marked public from memory (304 on a matching If-None-Match),
 * and a write through it drops what the write can change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pemilu.gateway.public-read-cache.ttl=1h")
class PublicReadCacheTest {

    static final HttpServer BACKEND = startBackend();
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("RECAP_SERVICE_URL", () -> backend);
        registry.add("VOTER_PORTAL_URL", () -> backend);
        registry.add("KEYCLOAK_JWKS", () -> backend + "/jwks");
        registry.add("KEYCLOAK_ISSUER", () -> GatewayTest.ISSUER);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    @Test
    void aPublicAnswerIsServedFromMemoryWithItsEtag() throws Exception {
        String totals = "/api/recap/public/totals?region=31&ballotType=PPWP";
        HttpResponse<String> first = get(totals, Map.of());
        HttpResponse<String> second = get(totals, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("\"answer\":1");
        assertThat(calls(totals)).isEqualTo(1);
        assertThat(second.headers().firstValue("etag")).isEqualTo(first.headers().firstValue("etag"));
        assertThat(second.headers().firstValue("cache-control")).hasValue("max-age=3600, public");
        assertThat(second.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(second.headers().firstValue("x-content-type-options")).as("security headers on a cached answer")
                .hasValue("nosniff");
        HttpResponse<String> revalidated = get(totals, Map.of("If-None-Match", first.headers().firstValue("etag")
                .orElseThrow()));
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        // another query is another answer
        get("/api/recap/public/totals?region=32&ballotType=PPWP", Map.of());
        assertThat(calls("/api/recap/public/totals?region=32&ballotType=PPWP")).isEqualTo(1);
        assertThat(calls(totals)).isEqualTo(1);
    }

    @Test
    void answersNotMarkedPublicAndSignedInReadsAlwaysReachTheService() throws Exception {
        String privateOne = "/api/recap/public/progress?region=31&private=1";
        get(privateOne, Map.of());
        get(privateOne, Map.of());
        assertThat(calls(privateOne)).isEqualTo(2);
        String regions = "/api/recap/public/regions?parent=31";
        get(regions, Map.of());
        String token = GatewayTest.sign(GatewayTest.ISSUER, Instant.now().plusSeconds(300), Map.of());
        get(regions, Map.of("Authorization", "Bearer " + token));
        assertThat(calls(regions)).isEqualTo(2);
    }

    @Test
    void aWriteThroughTheGatewayDropsWhatItChanges() throws Exception {
        String tps = "/api/recap/public/tps/31.71.01.1001.002";
        String other = "/api/recap/public/tps/31.71.01.1001.003";
        String totals = "/api/recap/public/totals?region=31.71";
        for (String path : new String[] {tps, other, totals}) {
            get(path, Map.of());
            get(path, Map.of());
            assertThat(calls(path)).as(path).isEqualTo(1);
        }
        String token = GatewayTest.sign(GatewayTest.ISSUER, Instant.now().plusSeconds(300),
                Map.of("tps_code", "31.71.01.1001.002"));
        post("/api/recap/tps/31.71.01.1001.002/ballots/PPWP/confirm", token);
        assertThat(get(tps, Map.of()).body()).contains("\"answer\":2");
        get(other, Map.of());
        get(totals, Map.of());
        assertThat(calls(other)).as("another TPS's page is kept").isEqualTo(1);
        assertThat(calls(totals)).as("totals change only when the service applies the result").isEqualTo(1);
        // a write naming no TPS (a session, a recommendation): everything is read again
        post("/api/recap/recommendations", token);
        get(other, Map.of());
        get(totals, Map.of());
        assertThat(calls(other)).isEqualTo(2);
        assertThat(calls(totals)).isEqualTo(2);
    }

    private static int calls(String pathAndQuery) {
        AtomicInteger n = CALLS.get(pathAndQuery);
        return n == null ? 0 : n.get();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void post(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** A stand-in recap-service: public answers (max-age 3600) numbered per path and query, counted. */
    private static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = new JWKSet(GatewayTest.KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                URI uri = exchange.getRequestURI();
                String key = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                int n = CALLS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                byte[] body = ("{\"path\":\"" + key + "\",\"answer\":" + n + "}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                if (exchange.getRequestMethod().equals("GET")) {
                    exchange.getResponseHeaders().set("ETag", "\"v" + n + "\"");
                    exchange.getResponseHeaders().set("Cache-Control",
                            key.contains("private=1") ? "private, max-age=60" : "max-age=3600, public");
                }
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
