package id.pemilu.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The public portal in a real Chromium through the gateway of the running suite with its demo data
 * ({@code ./suite demo}, then {@code ./mvnw -De2e -pl voter-portal test}). Every step is checked on a phone and a
 * laptop: no sideways scrolling, axe-core clean of serious/critical findings, a screenshot under target/screenshots.
 */
@Tag("e2e")
class PublicPagesBrowserTest {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = Browser.start(Browser.Size.PHONE);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void nationalResultsPage() {
        browser.open("/hasil");
        assertThat(browser.text()).contains("Kemajuan");
        browser.check("hasil", "nasional");
    }
}
