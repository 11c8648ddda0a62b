package id.pemilu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.view.RedirectView;

/** What every service gets from common's web plumbing, checked over real HTTP on Tomcat. */
@SpringBootTest(classes = RequestHardeningTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.import=classpath:pemilu-common.yml", "spring.rabbitmq.listener.simple.auto-startup=false"})
class RequestHardeningTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @SpringBootApplication
    static class App {
        @Bean
        SecurityFilterChain open(HttpSecurity http) throws Exception {
            return http.csrf(c -> c.disable()).authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
        }

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }
    }

    record Votes(String candidate, int votes, Integer invalid) {
    }

    @RestController
    static class Endpoints {
        @PostMapping("/api/test/votes")
        Votes votes(@RequestBody Votes votes) {
            return votes;
        }

        @PostMapping("/api/test/upload")
        String upload(@RequestParam("file") MultipartFile file) {
            return "size=" + file.getSize();
        }

        @GetMapping("/api/test/busy")
        String busy() {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Terlalu banyak permintaan", "Coba lagi.",
                    Map.of(ProblemAdvice.RETRY_AFTER, 42L));
        }

        @GetMapping("/home")
        RedirectView home() {
            return new RedirectView("/hasil", true);
        }
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        HttpResponse<String> ok = post("/api/test/votes", "application/json", "{\"candidate\":\"01\",\"votes\":105}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"votes\":105");
    }

    @Test
    void fractionsQuotedNumbersAndUnknownFieldsAreRefusedWithTheFieldNamed() throws Exception {
        HttpResponse<String> fraction = post("/api/test/votes", "application/json", "{\"candidate\":\"01\",\"votes\":999.9}");
        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(fraction.body()).contains("votes").contains("bilangan bulat");
        HttpResponse<String> quoted = post("/api/test/votes", "application/json", "{\"candidate\":\"01\",\"votes\":\"105\"}");
        assertThat(quoted.statusCode()).isEqualTo(400);
        assertThat(quoted.body()).contains("votes");
        HttpResponse<String> quotedWrapper = post("/api/test/votes", "application/json",
                "{\"candidate\":\"01\",\"votes\":1,\"invalid\":\"7\"}");
        assertThat(quotedWrapper.statusCode()).as("an Integer field too").isEqualTo(400);
        assertThat(quotedWrapper.body()).contains("invalid");
        HttpResponse<String> unknown = post("/api/test/votes", "application/json",
                "{\"candidate\":\"01\",\"votes\":1,\"status\":\"verified\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Kolom tidak dikenal: 'status'");
        HttpResponse<String> broken = post("/api/test/votes", "application/json", "{\"candidate\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void aMalformedMultipartBodyIsA400NotA500() throws Exception {
        HttpResponse<String> response = post("/api/test/upload", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("multipart");
    }

    @Test
    void aRateLimitAnswerCarriesRetryAfter() throws Exception {
        HttpResponse<String> response = get("/api/test/busy");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("42");
    }

    @Test
    void redirectsAreRelativeAndAnswersCarryTheBrowserSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/home");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("/hasil");
        assertThat(response.headers().firstValue("content-security-policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'").contains("default-src 'self'")
                        // sign-out is a form post redirected to Keycloak: Chromium blocks that redirect unless the
                        // issuer's origin is a permitted form target (pemilu-common.yml's default issuer here)
                        .contains("form-action 'self' http://127.0.0.1:8180;"));
        assertThat(response.headers().firstValue("referrer-policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("permissions-policy")).isPresent();
    }
}
