package id.pemilu.portal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The session cookie as the real servlet container sends it, with {@code PORTAL_COOKIE_SECURE=true} as production
 * over HTTPS sets it: {@code PEMILU_SESSION}, Secure, HttpOnly, SameSite=Lax. The session starts when an officer's
 * page sends the browser to the sign-in (the portal keeps the authorization request, with its PKCE verifier).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "PORTAL_COOKIE_SECURE=true")
class SessionCookieTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/keycloak")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("code_challenge_method=S256");
        List<String> cookies = response.headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(c -> c.startsWith("PEMILU_SESSION=")).findFirst().orElse(null);
        assertThat(session).as("session cookie in " + cookies).isNotNull();
        assertThat(session.toLowerCase()).contains("; secure").contains("; httponly").contains("samesite=lax");
    }

    @Test
    void aPublicPageStartsNoSession() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/cek-nik")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("PEMILU_SESSION="));
    }
}
