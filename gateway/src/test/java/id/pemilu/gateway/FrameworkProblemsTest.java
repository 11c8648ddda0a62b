package id.pemilu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.gatewayprobe.ProbeController;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's own refusals (not relayed from a service) are RFC 9457 problems in Bahasa Indonesia: wrong method
 * (405, with {@code Allow}), an Accept it cannot serve (406), a content type an endpoint does not take (415), an
 * unknown address (404), and a service that cannot be reached (503 with {@code Retry-After}, not Spring's English
 * 500). Every route points at a closed port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProbeController.class)
class FrameworkProblemsTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String CLOSED = "http://127.0.0.1:" + closedPort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"RECAP_SERVICE_URL", "PARTY_REGISTRY_URL", "VOTER_PORTAL_URL",
                "CANDIDATE_SERVICE_URL", "OCR_C1_READER_URL", "DESK_PILKADA_URL"}) {
            registry.add(service, () -> CLOSED);
        }
        registry.add("KEYCLOAK_JWKS", () -> CLOSED + "/jwks");
    }

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, method.equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("<a/>"));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"title\":\"" + title + "\"")
                .doesNotContain("\"error\":").doesNotContain("timestamp");
    }

    @Test
    void aWrongMethodIsAnIndonesianProblemThatNamesTheAllowedOnes() throws Exception {
        HttpResponse<String> response = send("POST", "/actuator/health");
        assertProblem(response, 405, "Metode tidak diizinkan");
        assertThat(response.body()).contains("Metode POST tidak didukung").contains("GET");
        assertThat(response.headers().firstValue("allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("GET"));
    }

    @Test
    void anAcceptTheGatewayCannotServeIsAnIndonesianProblem() throws Exception {
        HttpResponse<String> response = send("GET", "/actuator/health", "Accept", "application/xml");
        assertProblem(response, 406, "Format tidak tersedia");
        assertThat(response.body()).contains("header Accept");
    }

    @Test
    void aContentTypeAnEndpointDoesNotTakeIsAnIndonesianProblem() throws Exception {
        HttpResponse<String> response = send("POST", "/gateway-probe", "Content-Type", "text/xml");
        assertProblem(response, 415, "Jenis isi tidak didukung");
        assertThat(response.body()).contains("Jenis isi text/xml tidak didukung");
    }

    @Test
    void anUnknownAddressOfTheGatewayIsAnIndonesianProblem() throws Exception {
        HttpResponse<String> response = send("GET", "/actuator/health/tidak-ada");
        assertProblem(response, 404, "Tidak ditemukan");
        assertThat(response.body()).contains("Alamat ini tidak ada.").contains("/actuator/health/tidak-ada");
    }

    @Test
    void aServiceThatCannotBeReachedIsA503ProblemWithRetryAfter() throws Exception {
        for (String path : new String[] {"/api/recap/public/regions", "/index.html"}) {
            HttpResponse<String> response = send("GET", path);
            assertProblem(response, 503, "Layanan tidak tersedia");
            assertThat(response.headers().firstValue("retry-after")).hasValue("5");
            assertThat(response.body()).as("no internal address in the answer").doesNotContain("127.0.0.1")
                    .doesNotContain("Exception");
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
