package id.pemilu.common.web;

import id.pemilu.common.mongo.StoreDurability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds back the answer to a changing request (POST, PUT, PATCH, DELETE) until its writes are durable: an officer
 * told "saved" is never contradicted by a crash a second later. Reads pass straight through.
 */
class DurableWritesFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final StoreDurability durability;

    DurableWritesFilter(StoreDurability durability) {
        this.durability = durability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
            durability.commit();
        } finally {
            held.copyBodyToResponse();
        }
    }
}
