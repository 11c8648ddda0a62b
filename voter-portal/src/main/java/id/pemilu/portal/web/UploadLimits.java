package id.pemilu.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Upload sizes per form, checked before anything reads the body. The portal's multipart limit is the largest file it
 * takes at all (a member list, as large as party-registry accepts: {@code MEMBER_IMPORT_MAX_SIZE}); a C.Hasil photo may
 * be at most {@code PORTAL_MAX_PHOTO_SIZE}. A larger upload is read to its end and thrown away (so the browser gets an
 * answer, not a broken connection) and the browser is sent back to the form, which says in words why and what to do.
 * Without this, a multipart body above the limit leaves the CSRF token unread and ends as "Akses ditolak".
 */
@Configuration
class UploadLimits {

    /** The member-list form of Sipol; every other multipart form of the portal sends a photo. */
    static final Pattern MEMBER_FILE_FORM = Pattern.compile("/sipol/partai/[^/]+/impor");
    /** The photo forms (KPPS C.Hasil, Desk Pilkada report) post to .../foto; their page is the path without it. */
    static final Pattern PHOTO_FORM = Pattern.compile("(/(?:kpps|desk)/tps/[^/]+/[^/]+)/foto");
    /** The query a form page reads to say the file was too large. */
    static final String TOO_LARGE = "ditolak=terlalu-besar";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadLimitFilter(MultipartProperties multipart,
            @Value("${pemilu.portal.max-photo-size:9MB}") DataSize photoLimit) {
        long memberLimit = multipart.getMaxRequestSize().toBytes();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                String type = request.getContentType();
                long length = request.getContentLengthLong();
                if (!"POST".equals(request.getMethod()) || type == null
                        || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
                    chain.doFilter(request, response);
                    return;
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean memberFile = MEMBER_FILE_FORM.matcher(path).matches();
                long limit = memberFile ? memberLimit : photoLimit.toBytes();
                if (length <= limit) {
                    chain.doFilter(request, response);
                    return;
                }
                java.util.regex.Matcher photo = PHOTO_FORM.matcher(path);
                String form = memberFile ? path : photo.matches() ? photo.group(1) : null;
                drain(request, length, limit);
                if (form == null) { // no form of the portal posts here: a short page in words, not a white-label one
                    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                            + "<title>Berkas terlalu besar</title></head><body><main><h1>Berkas terlalu besar</h1>"
                            + "<p>Tidak ada yang dikirim: berkas ini lebih besar dari batas portal. Kirim berkas dari "
                            + "formulirnya di portal.</p><p><a href=\"/staf\">Ke halaman staf</a> · <a href=\"/hasil\">"
                            + "Ke hasil pemilu</a></p></main></body></html>");
                    return;
                }
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", request.getContextPath() + form + "?" + TOO_LARGE);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10); // before Spring Security reads the CSRF parameter
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Reads and drops the body (up to four times the limit: beyond that the connection is simply closed). */
    private static void drain(HttpServletRequest request, long length, long limit) throws IOException {
        if (length > 4 * limit) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = request.getInputStream()) {
            while (in.read(buffer) >= 0) {
                // dropped
            }
        }
    }
}
