package id.pemilu.gateway;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request-size limit with an RFC 9457 answer. A declared {@code Content-Length} over the limit is refused before
 * any of the body is read (413 with a problem body); a body without a length (chunked) is counted as it streams and
 * cut off with 413 once it passes the limit.
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
        // the unread body stays on the connection: close it after the answer (a client waiting for "100 Continue"
        // then sees the end of the exchange instead of waiting for more)
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Permintaan terlalu besar", detail(maxBytes));
    }

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
