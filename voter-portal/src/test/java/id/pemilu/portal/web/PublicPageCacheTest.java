package id.pemilu.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** A rendered public page is kept for anonymous visitors only, and only when it is a plain 200. */
class PublicPageCacheTest {

    private final AtomicInteger renders = new AtomicInteger();

    /** A page numbered by its rendering, with the headers the portal's public pages carry. */
    private final FilterChain page = (request, response) -> {
        int n = renders.incrementAndGet();
        HttpServletResponse http = (HttpServletResponse) response;
        http.setContentType("text/html;charset=UTF-8");
        http.setHeader("Cache-Control", "public, max-age=5");
        http.addHeader("Vary", "Cookie");
        http.getOutputStream().write(("<p>halaman " + n + "</p>").getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void anAnonymousVisitorGetsTheKeptPageWithItsHeaders() throws Exception {
        PublicPageCache cache = new PublicPageCache(Duration.ofHours(1));
        MockHttpServletResponse first = get(cache, "/hasil", "wilayah=31", page);
        MockHttpServletResponse second = get(cache, "/hasil", "wilayah=31", page);
        assertThat(renders).hasValue(1);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString()).isEqualTo("<p>halaman 1</p>");
        assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(second.getHeader("Cache-Control")).isEqualTo("public, max-age=5");
        assertThat(second.getHeader("Vary")).isEqualTo("Cookie");
        // another region is another page
        assertThat(get(cache, "/hasil", "wilayah=32", page).getContentAsString()).isEqualTo("<p>halaman 2</p>");
    }

    @Test
    void anExpiredPageIsRenderedAgain() throws Exception {
        PublicPageCache cache = new PublicPageCache(Duration.ofMillis(20));
        get(cache, "/tps/31.71.01.1001.001", null, page);
        Thread.sleep(60);
        assertThat(get(cache, "/tps/31.71.01.1001.001", null, page).getContentAsString())
                .isEqualTo("<p>halaman 2</p>");
    }

    @Test
    void aVisitorWithASessionAlwaysGetsTheirOwnRendering() throws Exception {
        PublicPageCache cache = new PublicPageCache(Duration.ofHours(1));
        get(cache, "/hasil", null, page);
        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/hasil");
        signedIn.setSession(new MockHttpSession());
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(signedIn, response, page);
        assertThat(response.getContentAsString()).isEqualTo("<p>halaman 2</p>");
        MockHttpServletRequest withCookie = new MockHttpServletRequest("GET", "/hasil");
        withCookie.setRequestedSessionId("abc");
        cache.doFilter(withCookie, new MockHttpServletResponse(), page);
        assertThat(renders).hasValue(3);
    }

    @Test
    void anErrorPageOrOneThatSetsACookieIsNotKept() throws Exception {
        PublicPageCache cache = new PublicPageCache(Duration.ofHours(1));
        FilterChain unavailable = (request, response) -> {
            renders.incrementAndGet();
            ((HttpServletResponse) response).setStatus(503);
        };
        get(cache, "/hasil", "wilayah=33", unavailable);
        assertThat(get(cache, "/hasil", "wilayah=33", unavailable).getStatus()).isEqualTo(503);
        FilterChain cookie = (request, response) -> {
            renders.incrementAndGet();
            ((HttpServletResponse) response).addHeader("Set-Cookie", "PEMILU_SESSION=x");
        };
        get(cache, "/calon", null, cookie);
        get(cache, "/calon", null, cookie);
        assertThat(renders).hasValue(4);
    }

    private static MockHttpServletResponse get(PublicPageCache cache, String uri, String query, FilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setQueryString(query);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, chain);
        return response;
    }
}
