package id.pemilu.recap.publicapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the public read cache about every write this replica answers, once it is done (so the change is stored):
 * a write whose path names a TPS ({@code …/tps/31.71.01.1001.001/…}: results, photos, reports) makes that TPS's page
 * computed again; any other write (sessions, recommendations, registry import, rebuild) every public answer.
 */
@Component
class PublicCacheInvalidation extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern TPS_CODE = Pattern.compile("/(\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3})(/|$)");

    private final PublicReadCache cache;

    PublicCacheInvalidation(PublicReadCache cache) {
        this.cache = cache;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Matcher tps = TPS_CODE.matcher(request.getRequestURI());
            if (tps.find()) {
                cache.tpsWritten(tps.group(1));
            } else {
                cache.otherWrite();
            }
        }
    }
}
