package id.pemilu.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerHeaderResolverTest {

    private final BearerHeaderResolver resolver = new BearerHeaderResolver();
    private final DefaultBearerTokenResolver stock = new DefaultBearerTokenResolver();

    @Test
    void answersEveryHeaderAsTheStockResolverDoes() {
        Random random = new Random(22);
        String alphabet = "Bb eEaArRzZ09-._~+/=%\t\u00e9\u212a\u0000:,";
        String[] prefixes = {"Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Basic ", "Bearerx ", " Bearer ",
                "B\u00e9arer ", "", "Bear\u0130r "};
        int shortcut = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder header = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                header.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('a' + random.nextInt(26)));
            }
            String value = header.toString();
            if (BearerHeaderResolver.token(value) != null) {
                shortcut++;
            }
            assertThat(answer(resolver, value)).as("header [%s]", value).isEqualTo(answer(stock, value));
        }
        assertThat(shortcut).as("headers the shortcut answered itself").isGreaterThan(2_000);
    }

    @Test
    void aMalformedHeaderIsStillRefusedAndAMissingOneIsNoToken() {
        assertThat(answer(resolver, "Bearer abc def")).startsWith("refused:");
        assertThat(answer(resolver, "Bearer ==")).startsWith("refused:");
        assertThat(answer(resolver, null)).isEqualTo("token:null");
        assertThat(answer(resolver, "Bearer eyJhbGciOi.eyJzdWIi.c2ln==")).isEqualTo("token:eyJhbGciOi.eyJzdWIi.c2ln==");
    }

    private static String answer(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver r,
                                 String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/x");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return "token:" + r.resolve(request);
        } catch (org.springframework.security.oauth2.core.OAuth2AuthenticationException e) {
            return "refused:" + e.getError().getDescription();
        }
    }
}
