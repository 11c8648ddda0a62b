package id.pemilu.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps each rendered public page (results, TPS, candidate lists) for {@code PORTAL_PAGE_CACHE_TTL} (2 s), so a
 * crowd on one page costs one rendering per TTL instead of one per visitor. Only anonymous GETs (no session, no
 * signed-in user) are served from it and only a 200 that set no cookie and made no session is kept. When a page has
 * expired, the first visitor renders it again while the others get the page just expired, at most a rendering
 * late. The data inside is the portal's public reads, themselves kept {@code PORTAL_CACHE_TTL}.
 */
class PublicPageCache extends OncePerRequestFilter {

    private static final List<String> REPLAYED = List.of(HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CACHE_CONTROL,
            HttpHeaders.VARY);
    private static final int MAX_PAGES = 2_000;

    private record Page(byte[] body, String contentType, Map<String, List<String>> headers, long expires,
                        AtomicBoolean refreshing) {
    }

    private final long ttlNanos;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    PublicPageCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ttlNanos <= 0 || !"GET".equals(request.getMethod()) || PublicCaching.personal(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        long now = System.nanoTime();
        Page page = pages.get(key);
        if (page != null && (now - page.expires() < 0 || !page.refreshing().compareAndSet(false, true))) {
            replay(page, response);
            return;
        }
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, rendering);
            if (rendering.getStatus() == 200 && !rendering.containsHeader(HttpHeaders.SET_COOKIE)
                    && request.getSession(false) == null) {
                keep(key, new Page(rendering.getContentAsByteArray(), rendering.getContentType(),
                        headersOf(rendering), now + ttlNanos, new AtomicBoolean()));
            } else if (page != null) {
                pages.remove(key, page);
            }
        } finally {
            if (page != null) {
                page.refreshing().set(false);
            }
            rendering.copyBodyToResponse();
        }
    }

    private void keep(String key, Page page) {
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        pages.put(key, page);
    }

    private static Map<String, List<String>> headersOf(HttpServletResponse response) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (String name : REPLAYED) {
            if (response.containsHeader(name)) {
                headers.put(name, List.copyOf(response.getHeaders(name)));
            }
        }
        return headers;
    }

    private static void replay(Page page, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        if (page.contentType() != null) {
            response.setContentType(page.contentType());
        }
        page.headers().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }
}
