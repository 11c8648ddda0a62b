package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.portal.kpps.FakeServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A party operator picks a member list larger than the portal takes (20 MB here; party-registry's 150 MB in
 * production) in a real Chromium: the browser is not cut off mid-upload but lands back on the import form, which
 * says why and what to do; nothing reaches party-registry. Screenshots target/screenshots/sipol-unggah-*.
 */
@Tag("e2e")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SipolUploadPortalBrowserTest {

    static final FakeServices services = new FakeServices();
    static final FakeKeycloak keycloak = keycloak();
    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("pemilu.portal.party-registry-url", services::url);
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
        keycloak.username = "operator.pnb";
        keycloak.tpsCode = null;
        keycloak.roles = List.of("party-operator");
        keycloak.partyId = "pnb";
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        services.close();
        keycloak.close();
    }

    @Test
    void aMemberListAboveTheLimitComesBackToTheFormExplained() throws Exception {
        Path big = Path.of("target", "anggota-terlalu-besar.csv");
        Files.createDirectories(big.getParent());
        byte[] row = "3171010101010001,Nama Anggota,L,1980-01-01,KTA-1,31.71\n".getBytes();
        try (var out = Files.newOutputStream(big)) {
            for (int written = 0; written < 21 * 1024 * 1024; written += row.length) {
                out.write(row);
            }
        }
        browser = Browser.start(Browser.Size.LAPTOP, "http://127.0.0.1:" + port);
        browser.open("/sipol/partai/pnb/impor");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> !browser.findAll("#import-form").isEmpty());
        assertThat(browser.find("#file-hint").getText()).contains("Paling besar 20 MB per berkas");
        browser.find("#file").sendKeys(big.toAbsolutePath().toString());
        browser.clickAndWait(browser.find("#import-form button[type=submit]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> d.getCurrentUrl().endsWith("/sipol/partai/pnb/impor?ditolak=terlalu-besar"));
        assertThat(browser.find("#flash-error").getText()).contains("lebih besar dari 20 MB")
                .contains("Pecah daftar anggota menjadi beberapa berkas");
        assertThat(services.calls("POST /api/parties/")).isEmpty();
        browser.check("sipol-unggah", "1-terlalu-besar", Browser.Size.LAPTOP, Browser.Size.TABLET);
    }

    private static FakeKeycloak keycloak() {
        try {
            return new FakeKeycloak();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
