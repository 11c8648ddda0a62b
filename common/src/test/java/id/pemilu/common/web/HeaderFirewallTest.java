package id.pemilu.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderFirewallTest {

    @Test
    void theFastRulesAnswerWhatTheRegexAnswersOnRandomText() {
        Random random = new Random(22);
        Predicate<String> names = HeaderFirewall.printableAsciiOr(HeaderFirewall.NAME);
        Predicate<String> values = HeaderFirewall.printableAsciiOr(HeaderFirewall.VALUE);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            boolean name = HeaderFirewall.NAME.matcher(text).matches();
            boolean value = HeaderFirewall.VALUE.matcher(text).matches();
            assertThat(names.test(text)).as("name %s", escaped(text)).isEqualTo(name);
            assertThat(values.test(text)).as("value %s", escaped(text)).isEqualTo(value);
            refused += value ? 0 : 1;
        }
        assertThat(refused).as("the random text includes refused values").isGreaterThan(1_000);
    }

    @Test
    void theFirewallStillRefusesAControlCharInAHeaderAndPassesABearerToken() {
        StrictHttpFirewall firewall = HeaderFirewall.strict();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/recap/results");
        request.addHeader("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJrcHBzIn0.c2lnbmF0dXJl-_");
        request.addHeader("X-Note", "ada\u0007bel");
        request.addHeader("X-Tab", "a\tb");
        var checked = firewall.getFirewalledRequest(request);
        assertThat(checked.getHeader("Authorization")).startsWith("Bearer eyJ");
        assertThat(checked.getHeader("X-Tab")).isEqualTo("a\tb");
        assertThat(checked.getHeader("X-Missing")).isNull();
        assertThatThrownBy(() -> checked.getHeader("X-Note")).isInstanceOf(RequestRejectedException.class);
    }

    private static String randomText(Random random) {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 7) {
                text.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind == 7) {
                text.append((char) random.nextInt(0x20));
            } else if (kind == 8) {
                text.append((char) (0x7f + random.nextInt(0x40)));
            } else {
                text.appendCodePoint(random.nextInt(0x30000));
            }
        }
        return text.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
