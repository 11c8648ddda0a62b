package id.pemilu.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request-size limit with an RFC 9457 answer. A declared {@code Content-Length} over the limit is refused without
 * passing any of the body on (413 with a problem body; a moderately oversize body is read and dropped first so the
 * client, still sending, gets the answer); a body without a length (chunked) is counted as it streams and cut off
 * with 413 once it passes the limit.
 */
final class BodySize {

    private BodySize() {
    }

    interface Next {
        Mono<Void> filter(ServerWebExchange exchange);
    }

    static Mono<Void> limit(ServerWebExchange exchange, long maxBytes, Next next) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange, maxBytes);
        }
        if (declared >= 0) {
            return next.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, detail(maxBytes));
                    }
                });
            }
        };
        return next.filter(exchange.mutate().request(counted).build());
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange, long maxBytes) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        Mono<Void> answer = Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Permintaan terlalu besar",
                detail(maxBytes));
        var request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeaders().getFirst(HttpHeaders.EXPECT));
        if (waitsForContinue || declared > maxBytes + drainAllowance(maxBytes)) {
            // nothing is on its way (the client waits for "100 Continue") or too much to read: answer and close
            return answer;
        }
        // A client that sends its whole body before reading the answer (browsers, the JDK client) loses the answer
        // when the connection closes on unread bytes (the peer sees a reset): read and drop what is declared first.
        return request.getBody().doOnNext(DataBufferUtils::release).then()
                .timeout(DRAIN_TIMEOUT, Mono.empty()).onErrorComplete().then(answer);
    }

    /** How much past the limit the gateway reads and drops to deliver its 413 (between 8 MB and 32 MB). */
    static long drainAllowance(long maxBytes) {
        return Math.max(8L * 1024 * 1024, Math.min(maxBytes, 32L * 1024 * 1024));
    }

    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    private static String detail(long maxBytes) {
        return "Isi permintaan melebihi batas " + readable(maxBytes) + " untuk alamat ini.";
    }

    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KB";
        }
        return bytes + " byte";
    }
}
