package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of a fake service, with tokens signed by a test key whose JWKS the gateway fetches. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pemilu.gateway.public-rate-limit.per-second=1", "pemilu.gateway.public-rate-limit.burst=5",
                "MAX_REQUEST_SIZE=1KB", "MEMBER_IMPORT_MAX_SIZE=16KB", "PUBLIC_MAX_REQUEST_SIZE=2KB",
                "PORTAL_MAX_REQUEST_SIZE=1KB", "PORTAL_PHOTO_MAX_SIZE=16KB", "PEMILU_GATEWAY_KEY=test-gateway-key"})
class GatewayTest {

    static final String ISSUER = "http://127.0.0.1:8180/realms/pemilu";
    static final RSAKey KEY = generateKey();
    static final HttpServer BACKEND = startBackend();
    /**
     * HTTP/1.1 (no h2c upgrade) with timeouts: a refused upload must fail the test, never hang it. The oversize
     * requests ask "100-continue" first, so the gateway can refuse them before any of the body is sent (otherwise the
     * client may still be writing the body when the 413 arrives and the connection closes).
     */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String backend = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
        registry.add("RECAP_SERVICE_URL", () -> backend);
        registry.add("PARTY_REGISTRY_URL", () -> backend);
        registry.add("VOTER_PORTAL_URL", () -> backend);
        registry.add("KEYCLOAK_JWKS", () -> backend + "/jwks");
        registry.add("KEYCLOAK_ISSUER", () -> ISSUER);
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.stop(0);
    }

    @Test
    void apiCallWithoutTokenIsRefusedWithAProblemBody() throws Exception {
        HttpResponse<String> response = get("/api/recap/me", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401");
    }

    @Test
    void validTokenIsRelayedUnchangedToTheService() throws Exception {
        String token = sign(ISSUER, Instant.now().plusSeconds(300), Map.of("tps_code", "31.71.01.1001.001"));
        HttpResponse<String> response = get("/api/recap/me", token);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("path=/api/recap/me").contains("auth=Bearer " + token);
    }

    @Test
    void tokenFromAnotherIssuerHostOrExpiredIsRefused() throws Exception {
        String otherHost = sign("http://localhost:8180/realms/pemilu", Instant.now().plusSeconds(300), Map.of());
        assertThat(get("/api/recap/me", otherHost).statusCode()).isEqualTo(401);
        String expired = sign(ISSUER, Instant.now().minusSeconds(600), Map.of());
        assertThat(get("/api/recap/me", expired).statusCode()).isEqualTo(401);
    }

    @Test
    void publicApiWorksWithoutTokenButIsRateLimited() throws Exception {
        int ok = 0;
        HttpResponse<String> last = null;
        long started = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            // not a public result read (those have their own, larger bucket: CrowdBehindOneAddressTest)
            last = get("/api/recap/public/log/head", null);
            if (last.statusCode() == 200) {
                ok++;
            } else {
                break;
            }
        }
        // burst 5 at 1/s: on a slow (loaded) machine the bucket refills while the calls run, one token per second
        long refilled = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(ok).isBetween(4, 7 + (int) refilled);
        assertThat(ok).as("the limit is reached within 12 quick calls").isLessThan(12);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("retry-after")).isPresent();
        assertThat(last.body()).contains("Terlalu banyak permintaan");
    }

    @Test
    void portalPagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/index.html", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("path=/index.html");
        assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("x-frame-options")).hasValue("DENY");
    }

    /*
     * Size tests use a raw socket: JDK 17's HttpClient can wait forever for "100 Continue" when the answer is a final
     * status with a body (its request timeout does not end that wait).
     */
    @Test
    void theSignInRedirectsAndTheSessionCookiePassBetweenBrowserAndPortal() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/kpps"))
                .header("Cookie", "PEMILU_SESSION=s0").timeout(TIMEOUT).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        // the portal sees the browser's cookie and the host the browser used (for its redirect URIs) ...
        assertThat(response.body()).contains("cookie=PEMILU_SESSION=s0").contains("host=127.0.0.1:" + port);
        // ... and its session cookie reaches the browser unchanged
        assertThat(response.headers().allValues("set-cookie")).contains("PEMILU_SESSION=s1; Path=/; HttpOnly; "
                + "SameSite=Lax");
        // signing out posts a form that is redirected to Keycloak: the policy allows that target
        assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("form-action 'self' http://127.0.0.1:8180;"));
    }

    @Test
    void aKppsPhotoMayBeLargerThanOtherPortalForms() throws Exception {
        String photo = raw("127.0.0.6", "POST", "/kpps/tps/31.71.01.1001.004/PPWP/foto",
                List.of("Content-Type: application/octet-stream", "Content-Length: 8192"), new byte[8192]);
        assertThat(photo).as("8 KB passes the photo limit (16 KB here) though it exceeds the portal's form limit (1 KB)")
                .startsWith("HTTP/1.1 200");
        String deskPhoto = raw("127.0.0.6", "POST", "/desk/tps/31.71.01.1001.004/PILKADA_GUBERNUR/foto",
                List.of("Content-Type: application/octet-stream", "Content-Length: 8192"), new byte[8192]);
        assertThat(deskPhoto).as("a Desk Pilkada reporter's photo takes the same route").startsWith("HTTP/1.1 200");
        String form = raw("127.0.0.6", "POST", "/cek-nik",
                List.of("Content-Type: application/octet-stream", "Content-Length: 8192"), new byte[8192]);
        assertThat(form).startsWith("HTTP/1.1 413");
    }

    @Test
    void oversizeRequestIsRefusedBeforeReachingTheService() throws Exception {
        String token = sign(ISSUER, Instant.now().plusSeconds(300), Map.of());
        String answer = raw("127.0.0.1", "POST", "/api/recap/uploads", List.of("Authorization: Bearer " + token,
                "Content-Type: application/octet-stream", "Content-Length: 4096"), new byte[4096]);
        assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("path=/api/recap/uploads");
        long started = System.nanoTime();
        String huge = raw("127.0.0.1", "POST", "/api/recap/uploads", List.of("Authorization: Bearer " + token,
                "Content-Type: application/octet-stream", "Content-Length: 1073741824"), new byte[0]);
        assertThat(huge).as("1 GB declared: far past what the gateway reads and drops, answered at once")
                .startsWith("HTTP/1.1 413");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    /**
     * A client that sends its whole body before reading (as browsers and the JDK client do) must still get the 413:
     * the gateway reads and drops a moderately oversize body before answering, instead of closing on unread bytes
     * (which resets the connection and loses the answer).
     */
    @Test
    void aClientSendingTheWholeOversizeBodyStillReadsTheAnswer() throws Exception {
        String token = sign(ISSUER, Instant.now().plusSeconds(300), Map.of());
        List<String> lost = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recap/uploads"))
                    .timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024])).build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 413 || !response.body().contains("melebihi batas 1 KB")) {
                    lost.add("answer " + response.statusCode() + " " + response.body());
                }
            } catch (java.io.IOException e) {
                lost.add(e.toString());
            }
        }
        assertThat(lost).as("every 6 MB upload over the 1 KB limit gets its 413").isEmpty();
    }

    @Test
    void memberListsMayBeLargerThanOtherRequests() throws Exception {
        String token = sign(ISSUER, Instant.now().plusSeconds(300), Map.of());
        String fits = raw("127.0.0.1", "POST", "/api/members/imports", List.of("Authorization: Bearer " + token,
                "Content-Type: application/octet-stream", "Content-Length: 4096"), new byte[4096]);
        assertThat(fits).as("4 KB passes the member-list limit (16 KB here) though it exceeds the general one (1 KB)")
                .startsWith("HTTP/1.1 200");
        String tooLarge = raw("127.0.0.1", "POST", "/api/members/imports", List.of("Authorization: Bearer " + token,
                "Content-Type: application/octet-stream", "Content-Length: 32768"), new byte[32768]);
        assertThat(tooLarge).startsWith("HTTP/1.1 413");
    }

    @Test
    void theGatewayWritesTheClientAddressAndItsKeyOverWhatTheCallerSent() throws Exception {
        String answer = raw("127.0.0.3", "GET", "/index.html", List.of("X-Forwarded-For: 203.0.113.66",
                "Forwarded: for=203.0.113.66", "X-Pemilu-Gateway-Key: guessed"), new byte[0]);
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(answer).contains("xff=[127.0.0.3]").contains("key=[test-gateway-key]")
                .doesNotContain("203.0.113.66").doesNotContain("guessed");
    }

    @Test
    void aNonBearerAuthorizationHeaderDoesNotSkipTheAnonymousLimit() throws Exception {
        int refused = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 12; i++) {
            String answer = raw("127.0.0.4", "GET", "/api/recap/public/log/head",
                    List.of("Authorization: Basic YWRtaW46YWRtaW4="), new byte[0]);
            if (answer.startsWith("HTTP/1.1 429")) {
                refused++;
                assertThat(answer).containsIgnoringCase("retry-after:");
            }
        }
        // burst 5 at 1/s: every second the calls took (a loaded machine) lets one more through
        long refilled = (System.nanoTime() - started) / 1_000_000_000L;
        assertThat(refused).as("burst 5, 1/s: most of 12 quick calls are refused (%d s elapsed)", refilled)
                .isGreaterThanOrEqualTo(Math.max(1, 5 - (int) refilled));
    }

    @Test
    void oversizeAnswerIsAProblemBody() throws Exception {
        String token = sign(ISSUER, Instant.now().plusSeconds(300), Map.of());
        String answer = raw("127.0.0.1", "POST", "/api/recap/uploads", List.of("Authorization: Bearer " + token,
                "Content-Type: application/octet-stream", "Content-Length: 4096"), new byte[4096]);
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413").contains("melebihi batas 1 KB");
    }

    @Test
    void anonymousBodiesAreSmallEvenWhereTheRouteAllowsLargeFiles() throws Exception {
        String answer = raw("127.0.0.5", "POST", "/api/members/public/nik-check",
                List.of("Content-Type: application/json", "Content-Length: 4096"), new byte[4096]);
        assertThat(answer).as("2 KB for anonymous calls though the member route allows 16 KB").startsWith("HTTP/1.1 413")
                .contains("melebihi batas 2 KB");
        String chunked = raw("127.0.0.5", "POST", "/api/members/public/nik-check",
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked"), chunk(new byte[4096]));
        assertThat(chunked).as("a chunked body has no length to check first: counted as it streams")
                .startsWith("HTTP/1.1 413");
        String small = raw("127.0.0.5", "POST", "/api/members/public/nik-check",
                List.of("Content-Type: application/json", "Content-Length: 100"), new byte[100]);
        assertThat(small).startsWith("HTTP/1.1 200");
    }

    @Test
    void metricsAndRoutesAreNotPublicHealthIs() throws Exception {
        HttpResponse<String> metrics = get("/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isIn(401, 403);
        assertThat(metrics.body()).doesNotContain("jvm_").doesNotContain("127.0.0.1:");
        assertThat(get("/actuator/gateway/routes", null).statusCode()).isIn(401, 403);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    /** A token of the right realm issued to another client (no {@code pemilu-api} audience) is refused. */
    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        String forAccount = sign(ISSUER, Instant.now().plusSeconds(300), Map.of("aud", List.of("account")));
        assertThat(get("/api/recap/me", forAccount).statusCode()).isEqualTo(401);
        String noAudience = sign(ISSUER, Instant.now().plusSeconds(300), Map.of("aud", List.of()));
        assertThat(get("/api/recap/me", noAudience).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenExpiredTwentySecondsAgoIsRefused() throws Exception {
        String expired = sign(ISSUER, Instant.now().minusSeconds(20), Map.of());
        assertThat(get("/api/recap/me", expired).statusCode()).isEqualTo(401);
    }

    /** One HTTP/1.1 request over a socket bound to {@code from} (127.0.0.x): a client address of the test's choice. */
    private String raw(String from, String method, String path, List<String> headers, byte[] body) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (java.io.IOException refusedEarly) {
                // the gateway may answer and close before the whole body is sent
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] chunk(byte[] data) {
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < data.length; i += 1024) {
            int n = Math.min(1024, data.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(data, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String issuer, Instant expiresAt, Map<String, Object> claims) throws Exception {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject("tester").audience("pemilu-api")
                .issueTime(Date.from(expiresAt.minusSeconds(900))).expirationTime(Date.from(expiresAt))
                .claim("preferred_username", "tester").claim("realm_access", Map.of("roles", List.of("kpps")));
        claims.forEach(builder::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                builder.build());
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer startBackend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                byte[] body = ("path=" + exchange.getRequestURI().getPath() + " auth=" + auth
                        + " xff=" + exchange.getRequestHeaders().get("X-Forwarded-For")
                        + " key=" + exchange.getRequestHeaders().get("X-Pemilu-Gateway-Key")
                        + " forwarded=" + exchange.getRequestHeaders().get("Forwarded")
                        + " host=" + exchange.getRequestHeaders().getFirst("Host")
                        + " cookie=" + exchange.getRequestHeaders().getFirst("Cookie"))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Set-Cookie", "PEMILU_SESSION=s1; Path=/; HttpOnly; SameSite=Lax");
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
