package id.pemilu.recap.result;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * The lean path of a KPPS confirmation (issue 22): {@code POST /api/recap/tps/{tps}/ballots/{type}/confirm} handled
 * here, after every servlet filter (security, durability, headers) has run, without Spring MVC's dispatch, handler
 * lookup, argument resolution and method-security proxy, which together were a fifth of the request thread's CPU.
 * <p>
 * It takes only the plain case, where MVC's answer is known: the path without escapes, a JSON body it can read with
 * the service's own strict reader, JSON or anything as the accepted answer, at most one Idempotency-Key, and a caller
 * whose token holds the {@code kpps} role (the controller's {@code @PreAuthorize}). Anything else goes on to MVC
 * untouched (the body it read is handed on), so every refusal of the request itself is MVC's own. The confirmation
 * runs through {@link ResultController#confirm(ResultService, Jwt, String, String, String, ConfirmCommand)}, as
 * MVC's does, and a refusal it throws is answered by MVC's own exception resolvers (the same problem bodies).
 * {@code ConfirmFastPathTest} sends the same requests both ways and compares the answers.
 */
final class ConfirmFastPath implements Filter {

    static final String PATTERN = "/api/recap/tps/{tpsCode}/ballots/{ballotType}/confirm";
    private static final String PREFIX = "/api/recap/tps/";
    private static final String MIDDLE = "/ballots/";
    private static final String SUFFIX = "/confirm";
    /** Larger bodies go to MVC (a C.Hasil confirmation is a few KB). */
    private static final int MAX_BODY = 256 * 1024;
    /** What the controller's {@code hasRole('kpps')} asks of the caller. */
    private static final String KPPS_AUTHORITY = "ROLE_" + id.pemilu.common.security.Roles.KPPS;

    /** What the lean path needs, found once on its first request (MVC's beans exist by then). */
    record Parts(ResultService service, ObjectReader commands, ObjectWriter views, HandlerExceptionResolver resolver) {
    }

    private final java.util.function.Supplier<Parts> source;
    private volatile Parts parts;
    /** Off: every confirmation goes through MVC ({@code RECAP_FAST_CONFIRM=false}; tests compare both ways). */
    private volatile boolean enabled;
    private final java.util.concurrent.atomic.LongAdder answered = new java.util.concurrent.atomic.LongAdder();

    ConfirmFastPath(java.util.function.Supplier<Parts> source, boolean enabled) {
        this.source = source;
        this.enabled = enabled;
    }

    void enabled(boolean on) {
        this.enabled = on;
    }

    /** Confirmations this path answered itself (refusals of the confirmation included). */
    long answered() {
        return answered.sum();
    }

    private Parts parts() {
        Parts found = parts;
        if (found == null) {
            found = source.get();
            parts = found;
        }
        return found;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !enabled || !"POST".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        String[] path = pathVariables(request);
        Jwt jwt = path == null ? null : kppsToken();
        if (jwt == null || !jsonBody(request) || !jsonAnswer(request)
                || more(request.getHeaders("Idempotency-Key"))) {
            chain.doFilter(req, res);
            return;
        }
        Parts with = parts();
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        ConfirmCommand command = body.length == 0 || body.length > MAX_BODY ? null : read(with.commands(), body);
        if (command == null) {
            chain.doFilter(new Replayed(request, body), res);
            return;
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PATTERN);
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATTERN));
        answered.increment();
        TpsResult result;
        try {
            result = ResultController.confirm(with.service(), jwt, path[0], path[1], request.getHeader("Idempotency-Key"),
                    command);
        } catch (RuntimeException refusal) {
            ModelAndView answered = with.resolver().resolveException(request, response, null, refusal);
            if (answered == null || !answered.isEmpty()) {
                throw refusal;
            }
            return;
        }
        byte[] answer = with.views().writeValueAsBytes(ResultController.ResultView.withoutHistory(result));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** {tpsCode, ballotType} of a confirmation's path as MVC would match it, or null (then MVC decides). */
    static String[] pathVariables(HttpServletRequest request) {
        if (!request.getContextPath().isEmpty() || request.getQueryString() != null) {
            return null;
        }
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX) || !uri.endsWith(SUFFIX)) {
            return null;
        }
        int middle = uri.indexOf(MIDDLE, PREFIX.length());
        int end = uri.length() - SUFFIX.length();
        if (middle <= PREFIX.length() || middle + MIDDLE.length() >= end) {
            return null;
        }
        String tps = uri.substring(PREFIX.length(), middle);
        String type = uri.substring(middle + MIDDLE.length(), end);
        return plain(tps) && plain(type) ? new String[]{tps, type} : null;
    }

    /** A path segment that MVC would take as it is: no escapes, matrix parameters or further segments. */
    private static boolean plain(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The caller's token when it passes the controller's {@code hasRole('kpps')}; otherwise null. */
    private static Jwt kppsToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return null;
        }
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (KPPS_AUTHORITY.equals(authority.getAuthority())) {
                return jwt;
            }
        }
        return null;
    }

    private static boolean jsonBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String plain = type.replace(" ", "");
        return plain.equalsIgnoreCase("application/json") || plain.equalsIgnoreCase("application/json;charset=utf-8");
    }

    /** Accept absent, or naming only JSON or anything (no parameters): MVC answers JSON then. */
    private static boolean jsonAnswer(HttpServletRequest request) {
        Enumeration<String> accepts = request.getHeaders("Accept");
        while (accepts.hasMoreElements()) {
            for (String one : accepts.nextElement().split(",")) {
                String type = one.trim();
                if (!type.equals("application/json") && !type.equals("*/*") && !type.equals("application/*+json")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean more(Enumeration<String> values) {
        if (!values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    private static ConfirmCommand read(ObjectReader commands, byte[] body) {
        try {
            return commands.readValue(body);
        } catch (RuntimeException unreadable) {
            return null; // MVC reads it again and answers with its own problem
        }
    }

    /** The request with the bytes already read put back in front of the rest of its body. */
    private static final class Replayed extends HttpServletRequestWrapper {

        private final InputStream body;

        Replayed(HttpServletRequest request, byte[] read) throws IOException {
            super(request);
            this.body = new SequenceInputStream(new ByteArrayInputStream(read), request.getInputStream());
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(body,
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }
}
