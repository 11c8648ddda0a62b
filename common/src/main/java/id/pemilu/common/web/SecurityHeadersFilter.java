package id.pemilu.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser-facing security headers on every answer of a service, the same the gateway sets: a page reached some
 * other way (a service port exposed by mistake) is still protected. Headers already set by the application win.
 * Keycloak's origin is a permitted form target, as at the gateway: signing out is a form post that the portal answers
 * with a redirect to Keycloak's logout endpoint, and Chromium checks {@code form-action} on that redirect too (with
 * {@code 'self'} alone the sign-out button silently did nothing). The gateway keeps the service's header when there is
 * one, so this policy is the one browsers get.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";
    private final String contentSecurityPolicy;

    /** @param issuer the Keycloak realm's issuer URI (its origin becomes a form target); blank: {@code 'self'} only */
    SecurityHeadersFilter(String issuer) {
        this.contentSecurityPolicy = policy(issuer);
    }

    static String policy(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return CONTENT_SECURITY_POLICY;
        }
        java.net.URI uri = java.net.URI.create(issuer.trim());
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return CONTENT_SECURITY_POLICY;
        }
        return CONTENT_SECURITY_POLICY + " " + uri.getScheme() + "://" + uri.getRawAuthority()
                + "; worker-src 'self'; manifest-src 'self'";
    }

    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(), microphone=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        setIfAbsent(response, "Content-Security-Policy", contentSecurityPolicy);
        setIfAbsent(response, "Referrer-Policy", REFERRER_POLICY);
        setIfAbsent(response, "Permissions-Policy", PERMISSIONS_POLICY);
        chain.doFilter(request, response);
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
