package id.pemilu.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate-limits anonymous API calls per client address (the socket address), before security and routing. Only a
 * {@code Bearer} token exempts a call (and security then refuses a bad one with 401): any other Authorization header
 * ({@code Basic …}) is anonymous here. Over the limit: 429 with Retry-After and an RFC 9457 body.
 */
class PublicRateLimitFilter implements WebFilter, Ordered {

    private final TokenBuckets buckets;

    PublicRateLimitFilter(RateLimitProperties properties) {
        this.buckets = new TokenBuckets(properties.perSecond(), properties.burst());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!request.getPath().value().startsWith("/api/") || bearer(request.getHeaders())) {
            return chain.filter(exchange);
        }
        String client = ClientAddressFilter.clientOf(exchange);
        long wait = buckets.tryTake(client, System.nanoTime());
        if (wait == 0) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"Terlalu banyak permintaan\",\"status\":429,"
                + "\"detail\":\"Batas permintaan tanpa login terlampaui. Coba lagi dalam " + wait + " detik.\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    static boolean bearer(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    public int getOrder() {
        return -200;
    }
}
