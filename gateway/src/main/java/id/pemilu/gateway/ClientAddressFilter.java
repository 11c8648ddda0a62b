package id.pemilu.gateway;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway alone says who the client is. Applied last to the headers of every request the gateway forwards:
 * whatever the caller (or an earlier filter) wrote in {@code X-Forwarded-For}, {@code Forwarded}, {@code X-Real-IP} or
 * the gateway-key header is dropped; the request goes on with {@code X-Forwarded-For} = the socket address the gateway
 * saw and {@code X-Pemilu-Gateway-Key} = the shared key, which the services require before they believe the forwarded
 * address (everything else is counted by its socket address).
 */
class ClientAddressFilter implements HttpHeadersFilter, Ordered {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String GATEWAY_KEY_HEADER = "X-Pemilu-Gateway-Key";
    private static final List<String> CALLER_WRITTEN = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Port", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Real-IP", GATEWAY_KEY_HEADER);

    private final String gatewayKey;

    ClientAddressFilter(String gatewayKey) {
        this.gatewayKey = gatewayKey;
    }

    static String clientOf(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        CALLER_WRITTEN.forEach(headers::remove);
        headers.set(FORWARDED_FOR, clientOf(exchange));
        headers.set(GATEWAY_KEY_HEADER, gatewayKey);
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
