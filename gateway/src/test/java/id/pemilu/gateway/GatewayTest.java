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
                "MAX_REQUEST_SIZE=1KB", "MEMBER_IMPORT_MAX_SIZE=16KB", "PORTAL_MAX_REQUEST_SIZE=1KB",
                "PORTAL_PHOTO_MAX_SIZE=16KB"})
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
        for (int i = 0; i < 12; i++) {
            last = get("/api/recap/public/regions", null);
            if (last.statusCode() == 200) {
                ok++;
            } else {
                break;
            }
        }
        assertThat(ok).isBetween(4, 7);
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
        HttpRequest photo = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/kpps/tps/31.71.01.1001.004/PPWP/foto"))
                .header("Content-Type", "application/octet-stream").timeout(TIMEOUT).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8 * 1024])).build();
        assertThat(HTTP.send(photo, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("8 KB passes the photo limit (16 KB here) though it exceeds the portal's form limit (1 KB)")
                .isEqualTo(200);
        HttpRequest form = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cek-nik"))
                .header("Content-Type", "application/octet-stream").timeout(TIMEOUT).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8 * 1024])).build();
        assertThat(HTTP.send(form, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
    }

    @Test
    void oversizeRequestIsRefusedBeforeReachingTheService() throws Exception {
        String token = sign(ISSUER, Instant.now().plusSeconds(300), Map.of());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recap/uploads"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .timeout(TIMEOUT).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096])).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void memberListsMayBeLargerThanOtherRequests() throws Exception {
        String token = sign(ISSUER, Instant.now().plusSeconds(300), Map.of());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/members/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .timeout(TIMEOUT).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096])).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("4 KB passes the member-list limit (16 KB here) though it exceeds the general one (1 KB)")
                .isNotEqualTo(413);
        HttpRequest tooLarge = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/members/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .timeout(TIMEOUT).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[32 * 1024])).build();
        assertThat(HTTP.send(tooLarge, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
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
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject("tester")
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
