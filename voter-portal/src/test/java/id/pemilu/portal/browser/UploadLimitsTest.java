package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.portal.kpps.FakeServices;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Upload sizes through the real servlet container (MockMvc parses no multipart limits): a member list larger than the
 * old 9 MB portal limit reaches party-registry; one above the member-file limit (20 MB here, party-registry's 150 MB in
 * production) and a photo above the photo limit (9 MB) come back to their form with the reason in words, never a
 * white-label page and never "Akses ditolak" for an unread CSRF token. Signed in through the stand-in Keycloak.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadLimitsTest {

    static final FakeServices services = new FakeServices();
    static final FakeKeycloak keycloak = keycloak();
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    @LocalServerPort
    int port;

    final CookieManager cookies = new CookieManager();
    final HttpClient following = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    final HttpClient notFollowing = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.party-registry-url", services::url);
        registry.add("pemilu.portal.recap-service-url", services::url);
        registry.add("pemilu.portal.sign-in.issuer", keycloak::issuer);
        registry.add("pemilu.portal.sign-in.jwks-uri", () -> keycloak.issuer() + "/protocol/openid-connect/certs");
        registry.add("spring.servlet.multipart.max-file-size", () -> "20MB");
        registry.add("spring.servlet.multipart.max-request-size", () -> "20MB");
    }

    @BeforeAll
    static void answers() {
        services.json("GET /api/parties/pnb", 200, """
                {"id":"pnb","name":"Partai Nusantara Bersatu","abbreviation":"PNB","ballotNumber":1,
                 "leadership":[],"branches":[]}""");
        services.json("GET /api/parties/pnb/member-imports", 200, "[]");
        services.json("POST /api/parties/pnb/member-imports?wait=false", 201, """
                {"id":"pnb-besar","partyId":"pnb","fileName":"anggota.csv","status":"RUNNING","rowsTotal":400000,
                 "rowsDone":0,"imported":0,"rejected":0,"flagged":0,"by":"operator.pnb"}""");
        services.json("GET /api/parties/pnb/member-imports/pnb-besar", 200, """
                {"id":"pnb-besar","partyId":"pnb","fileName":"anggota.csv","status":"RUNNING","rowsTotal":400000,
                 "rowsDone":1000,"imported":1000,"rejected":0,"flagged":0,"by":"operator.pnb"}""");
        keycloak.username = "operator.pnb";
        keycloak.tpsCode = null;
        keycloak.roles = List.of("party-operator");
        keycloak.partyId = "pnb";
    }

    @AfterAll
    static void stop() {
        services.close();
        keycloak.close();
    }

    @Test
    void aMemberListAboveTheOldPortalLimitReachesPartyRegistryAndALargerOneComesBackExplained() throws Exception {
        String form = get("/sipol/partai/pnb/impor");
        assertThat(form).contains("Paling besar <span>20</span> MB per berkas");
        String token = csrf(form);

        HttpResponse<String> accepted = following.send(upload("/sipol/partai/pnb/impor", "file", "anggota.csv",
                12 * 1024 * 1024, token), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.uri().getPath()).isEqualTo("/sipol/partai/pnb/impor/pnb-besar");
        List<FakeServices.Call> sent = services.calls("POST /api/parties/pnb/member-imports");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body().length).isGreaterThan(12 * 1024 * 1024);

        HttpResponse<String> refused = notFollowing.send(upload("/sipol/partai/pnb/impor", "file", "anggota.csv",
                21 * 1024 * 1024, token), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue("/sipol/partai/pnb/impor?ditolak=terlalu-besar");
        assertThat(services.calls("POST /api/parties/pnb/member-imports")).hasSize(1); // nothing more sent
        String explained = get("/sipol/partai/pnb/impor?ditolak=terlalu-besar");
        assertThat(explained).contains("id=\"flash-error\"").contains("lebih besar dari 20 MB")
                .contains("Pecah daftar anggota menjadi beberapa berkas").doesNotContain("Akses ditolak");
    }

    @Test
    void aPhotoAboveThePhotoLimitIsSentBackToItsUploadForm() throws Exception {
        String token = csrf(get("/sipol/partai/pnb/impor"));
        HttpResponse<String> refused = notFollowing.send(upload("/kpps/tps/31.71.01.1001.004/PPWP/foto", "photo",
                "c-hasil.jpg", 10 * 1024 * 1024, token), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location"))
                .hasValue("/kpps/tps/31.71.01.1001.004/PPWP?ditolak=terlalu-besar");
        assertThat(services.calls("POST /api/recap/")).isEmpty();

        // no form of the portal posts there: a short page in words, not the white-label error page
        HttpResponse<String> elsewhere = notFollowing.send(upload("/sipol/partai/pnb/profil", "file", "x.bin",
                10 * 1024 * 1024, token), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(413);
        assertThat(elsewhere.body()).contains("Berkas terlalu besar").contains("Tidak ada yang dikirim")
                .doesNotContain("Whitelabel");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> page = following.send(HttpRequest.newBuilder(url(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token in the form").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpRequest upload(String path, String field, String fileName, int size, String token) throws Exception {
        String boundary = "uji" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream(size + 1024);
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] row = "3171010101010001,Nama Anggota,L,1980-01-01,KTA-1,31.71\n".getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = row[i % row.length];
        }
        body.write(data);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(url(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static FakeKeycloak keycloak() {
        try {
            return new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
