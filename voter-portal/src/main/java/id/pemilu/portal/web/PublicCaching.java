package id.pemilu.portal.web;

import id.pemilu.portal.PortalProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Public pages are the same for everyone, so browsers and shared caches may keep them for the portal's cache time
 * ({@code PORTAL_CACHE_TTL}): {@code Cache-Control: public, max-age=…} and an ETag (a reload answers 304 without the
 * page). A request that carries a session or a signed-in user gets {@code private, no-cache} instead: signed-in pages
 * and the header with a user's name must never land in a shared cache.
 */
@Configuration
class PublicCaching implements WebMvcConfigurer {

    /** Pages anyone may cache (GET only; forms are POST and never cached). */
    static final List<String> PUBLIC_PAGES = List.of("/hasil", "/hasil/**", "/tps/**", "/calon", "/calon/**",
            "/cek-nik");

    private final PortalProperties properties;

    PublicCaching(PortalProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    response.setHeader(HttpHeaders.CACHE_CONTROL, personal(request) ? "private, no-cache"
                            : "public, max-age=" + Math.max(1, properties.cacheTtl().toSeconds()));
                    response.addHeader(HttpHeaders.VARY, "Cookie");
                }
                return true;
            }
        }).addPathPatterns(PUBLIC_PAGES);
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> etags() {
        ShallowEtagHeaderFilter filter = new ShallowEtagHeaderFilter();
        // weak ETags: Tomcat does not gzip a response that carries a strong one (its body would change)
        filter.setWriteWeakETag(true);
        FilterRegistrationBean<ShallowEtagHeaderFilter> bean = new FilterRegistrationBean<>(filter);
        bean.addUrlPatterns("/hasil", "/hasil/*", "/tps/*", "/calon", "/calon/*", "/cek-nik", "/portal.css");
        // around the page cache: a kept page gets its ETag (and 304) like a rendered one
        bean.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return bean;
    }

    @Bean
    FilterRegistrationBean<PublicPageCache> pageCache(@Value("${pemilu.portal.page-cache-ttl:2s}") Duration ttl) {
        FilterRegistrationBean<PublicPageCache> bean = new FilterRegistrationBean<>(new PublicPageCache(ttl));
        bean.addUrlPatterns("/hasil", "/hasil/*", "/tps/*", "/calon", "/calon/*");
        bean.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return bean;
    }

    static boolean personal(HttpServletRequest request) {
        return request.getUserPrincipal() != null || request.getSession(false) != null
                || request.getRequestedSessionId() != null;
    }
}
