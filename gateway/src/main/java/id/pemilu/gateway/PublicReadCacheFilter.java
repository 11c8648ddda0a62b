package id.pemilu.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers public result reads from memory for a short time ({@code PUBLIC_READ_CACHE_TTL}, default 1 s), so a crowd
 * reading the same totals costs the gateway no trip to the service. Only what the service itself marked
 * {@code Cache-Control: public} with a positive max-age is kept (a 200 without a cookie), for at most that max-age;
 * only anonymous GETs of the public read paths ({@link RateLimitProperties.Reads#paths()}) are answered from it, and
 * a matching {@code If-None-Match} gets 304.
 * <p>
 * A write to recap-service through this gateway drops what it can change: a write naming a TPS in its path that
 * TPS's page, any other write everything. Changes this gateway does not see (the applier adding results to the
 * totals, writes through another gateway or straight from the portal) show after at most the TTL.
 */
class PublicReadCacheFilter implements WebFilter, Ordered {

    private static final Pattern TPS_CODE = Pattern.compile("/(\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3})(/|$)");
    private static final Pattern MAX_AGE = Pattern.compile("max-age=(\\d+)");
    private static final int MAX_ENTRIES = 10_000;
    private static final int MAX_BODY = 256 * 1024;

    private record Answer(byte[] body, String contentType, String etag, String cacheControl, long expires) {
    }

    private final long ttlNanos;
    private final List<PathPattern> readPaths;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    /** When each TPS page was last written through this gateway (kept for one TTL). */
    private final Map<String, Long> written = new ConcurrentHashMap<>();
    /** Writes naming no TPS: an answer fetched before one is not kept. */
    private final AtomicLong otherWrites = new AtomicLong();

    PublicReadCacheFilter(Duration ttl, List<String> readPaths) {
        this.ttlNanos = ttl.toNanos();
        PathPatternParser parser = new PathPatternParser();
        this.readPaths = readPaths.stream().map(parser::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (!HttpMethod.GET.equals(request.getMethod())) {
            if (path.startsWith("/api/recap/") && !HttpMethod.HEAD.equals(request.getMethod())
                    && !HttpMethod.OPTIONS.equals(request.getMethod())) {
                return chain.filter(exchange).doFinally(signal -> wrote(path));
            }
            return chain.filter(exchange);
        }
        if (ttlNanos <= 0 || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION) || !publicRead(request)) {
            return chain.filter(exchange);
        }
        String query = request.getURI().getRawQuery();
        String key = request.getURI().getRawPath() + (query == null ? "" : "?" + query);
        long now = System.nanoTime();
        Answer answer = answers.get(key);
        if (answer != null && now - answer.expires() < 0) {
            return replay(exchange, answer);
        }
        long writesBefore = otherWrites.get();
        ServerHttpResponse response = exchange.getResponse();
        ServerHttpResponseDecorator keeping = new ServerHttpResponseDecorator(response) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                long maxAge = cacheableFor(getStatusCode() == null ? 0 : getStatusCode().value(), getHeaders());
                if (maxAge <= 0) {
                    return super.writeWith(body);
                }
                return DataBufferUtils.join(Flux.from(body), MAX_BODY).flatMap(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    keep(key, now, writesBefore, new Answer(bytes, getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                            getHeaders().getETag(), getHeaders().getCacheControl(),
                            now + Math.min(ttlNanos, maxAge * 1_000_000_000L)));
                    return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                });
            }
        };
        return chain.filter(exchange.mutate().response(keeping).build());
    }

    private boolean publicRead(ServerHttpRequest request) {
        for (PathPattern pattern : readPaths) {
            if (pattern.matches(request.getPath().pathWithinApplication())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Seconds the service lets shared caches keep this answer; 0 = not to be kept (also an answer of unknown length
     * or larger than 256 KB, such as a photo: those stream through).
     */
    private static long cacheableFor(int status, HttpHeaders headers) {
        String cacheControl = headers.getCacheControl();
        if (status != 200 || cacheControl == null || !cacheControl.contains("public")
                || cacheControl.contains("private") || cacheControl.contains("no-store")
                || headers.containsHeader(HttpHeaders.SET_COOKIE)
                || headers.getContentLength() < 0 || headers.getContentLength() > MAX_BODY) {
            return 0;
        }
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        return maxAge.find() ? Long.parseLong(maxAge.group(1)) : 0;
    }

    private void keep(String key, long fetchedAt, long writesBefore, Answer answer) {
        if (otherWrites.get() != writesBefore) {
            return;
        }
        Matcher tps = TPS_CODE.matcher(key);
        if (tps.find()) {
            Long writtenAt = written.get(tps.group(1));
            if (writtenAt != null && writtenAt - fetchedAt >= 0) {
                return; // written while this answer was on its way: it may predate the write
            }
        }
        if (answers.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            answers.values().removeIf(a -> now - a.expires() >= 0);
            if (answers.size() >= MAX_ENTRIES) {
                answers.clear();
            }
        }
        answers.put(key, answer);
    }

    private void wrote(String path) {
        Matcher tps = TPS_CODE.matcher(path);
        if (tps.find()) {
            long now = System.nanoTime();
            written.put(tps.group(1), now);
            answers.remove("/api/recap/public/tps/" + tps.group(1));
            if (written.size() > MAX_ENTRIES) {
                written.values().removeIf(at -> now - at > ttlNanos);
            }
        } else {
            otherWrites.incrementAndGet();
            answers.clear();
        }
    }

    private static Mono<Void> replay(ServerWebExchange exchange, Answer answer) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        if (answer.etag() != null) {
            headers.set(HttpHeaders.ETAG, answer.etag());
        }
        if (answer.cacheControl() != null) {
            headers.set(HttpHeaders.CACHE_CONTROL, answer.cacheControl());
        }
        if (answer.etag() != null && exchange.getRequest().getHeaders().getIfNoneMatch().contains(answer.etag())) {
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        response.setStatusCode(HttpStatus.OK);
        if (answer.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        headers.setContentLength(answer.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    /**
     * After the rate limit (-200) and security (-100: its headers are on every answer, kept or not), before routing:
     * a kept answer costs no route lookup.
     */
    @Override
    public int getOrder() {
        return -50;
    }
}
