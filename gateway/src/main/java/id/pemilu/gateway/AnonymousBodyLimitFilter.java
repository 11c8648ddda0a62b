package id.pemilu.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Anonymous API calls (no Bearer token) can only reach the public endpoints, whose bodies are small forms (a NIK and a
 * name, a complaint, a feedback text): they are limited to {@code PUBLIC_MAX_REQUEST_SIZE} (64 KB) whatever the
 * route's own limit (member lists may be 160 MB, but only with a token).
 */
class AnonymousBodyLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    AnonymousBodyLimitFilter(@Value("${pemilu.gateway.public-max-request-size:64KB}") DataSize maxSize) {
        this.maxBytes = maxSize.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!request.getPath().value().startsWith("/api/") || PublicRateLimitFilter.bearer(request.getHeaders())) {
            return chain.filter(exchange);
        }
        return BodySize.limit(exchange, maxBytes, chain::filter);
    }

    @Override
    public int getOrder() {
        return -190;
    }
}
