package id.pemilu.common.mongo;

import id.pemilu.common.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds back the answer to a changing request (POST, PUT, PATCH, DELETE) until its writes are durable: an officer
 * told "saved" is never contradicted by a crash a second later. While the store cannot take writes (its disk is full
 * or read-only, {@link StoreSpace}) a changing request is refused before it runs, and a write whose commit fails is
 * answered 503 instead of the answer it held: never 2xx for a write that is not on disk. Both with
 * {@code Retry-After}; clients send the same Idempotency-Key again. Reads pass straight through. A handler that
 * committed itself after its last write on the request's thread ({@link StoreDurability#coversThisThread}) is
 * answered without a second commit: a confirmation waited for two group commits before (issue 22).
 */
class DurableWritesFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DurableWritesFilter.class);
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String RETRY_AFTER_SECONDS = "30";

    private final StoreDurability durability;
    private final StoreSpace space;

    DurableWritesFilter(StoreDurability durability, StoreSpace space) {
        this.durability = durability;
        this.space = space;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = space.refusal();
        if (refusal != null) {
            unavailable(response, refusal);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        durability.forgetThisThread();
        chain.doFilter(request, held);
        try {
            if (!durability.coversThisThread()) {
                // the handler did not commit after its last write on this thread (or wrote nothing): commit now
                durability.commit();
            }
        } catch (RuntimeException e) {
            log.warn("Commit after {} {} failed; answered 503 instead of {}", request.getMethod(),
                    request.getRequestURI(), held.getStatus(), e);
            held.reset();
            String reason = space.refusal();
            unavailable(response, reason != null ? reason : "Data belum dapat disimpan; coba lagi beberapa saat "
                    + "lagi.");
            return;
        }
        held.copyBodyToResponse();
    }

    private static void unavailable(HttpServletResponse response, String reason) {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Penyimpanan tidak tersedia", reason);
    }
}
