package id.pemilu.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Rate-limits anonymous API calls per client address (the socket address), before security and routing. Only a
 * {@code Bearer} token exempts a call (and security then refuses a bad one with 401): any other Authorization header
 * ({@code Basic …}) is anonymous here. Over the limit: 429 with Retry-After and an RFC 9457 body.
 * <p>
 * Two buckets per address. Public result reads ({@code GET}/{@code HEAD} on the paths of
 * {@link RateLimitProperties.Reads#paths()}: totals, TPS pages, region tree, D.Hasil, candidate lists …) take from a
 * large one: thousands of phones share one address behind carrier-grade NAT, and these answers are cached by the
 * services (ETag, max-age), so a crowd costs little; the bucket only stops one address from taking the whole
 * gateway. Everything else anonymous — the NIK check, complaints, candidate feedback, TPS reports, downloads, the
 * transparency log — takes from the small one, as before.
 */
class PublicRateLimitFilter implements WebFilter, Ordered {

    private final TokenBuckets buckets;
    private final TokenBuckets readBuckets;
    private final List<PathPattern> readPaths;

    PublicRateLimitFilter(RateLimitProperties properties) {
        this.buckets = new TokenBuckets(properties.perSecond(), properties.burst());
        RateLimitProperties.Reads reads = properties.reads();
        this.readBuckets = new TokenBuckets(reads.perSecond(), reads.burst());
        PathPatternParser parser = new PathPatternParser();
        this.readPaths = reads.paths().stream().map(parser::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!request.getPath().value().startsWith("/api/") || bearer(request.getHeaders())) {
            return chain.filter(exchange);
        }
        String client = ClientAddressFilter.clientOf(exchange);
        TokenBuckets bucket = publicRead(request.getMethod(), request.getPath().pathWithinApplication())
                ? readBuckets : buckets;
        long wait = bucket.tryTake(client, System.nanoTime());
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

    private boolean publicRead(HttpMethod method, PathContainer path) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        for (PathPattern pattern : readPaths) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
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
