package id.pemilu.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The citizen's address for per-client limits. The gateway overwrites {@code X-Forwarded-For} with the socket address
 * it saw and adds {@link #GATEWAY_KEY_HEADER} with the shared key ({@code PEMILU_GATEWAY_KEY}); the voter portal
 * passes both on when it calls a service for a citizen. Only a request carrying the right key is believed; any other
 * caller (a direct call that skipped the gateway) is counted by its own socket address, whatever it writes.
 */
public final class ClientAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";
    public static final String GATEWAY_KEY_HEADER = "X-Pemilu-Gateway-Key";

    private final byte[] key;

    public ClientAddress(String gatewayKey) {
        if (gatewayKey == null || gatewayKey.isBlank()) {
            throw new IllegalArgumentException("pemilu.gateway.key must not be empty");
        }
        this.key = gatewayKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The forwarded address when the request came through the gateway (or the portal), else the socket address. */
    public String of(HttpServletRequest request) {
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded != null && !forwarded.isBlank() && fromGateway(request)) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return request.getRemoteAddr();
    }

    /** True when the request carries the gateway's key (compared in constant time). */
    public boolean fromGateway(HttpServletRequest request) {
        String presented = request.getHeader(GATEWAY_KEY_HEADER);
        return presented != null && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The key, for a trusted front end (the portal) that calls services on a citizen's behalf. */
    public String gatewayKey() {
        return new String(key, StandardCharsets.UTF_8);
    }
}
