package id.pemilu.portal.browser;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for Keycloak's OIDC endpoints (authorize, token, keys) for browser tests of the portal alone: the
 * authorize step signs in the configured user at once and sends the browser back with a code; the token step answers
 * with an ID token signed by a test key (with the user's roles and TPS) and an access token. Logout redirects back.
 */
final class FakeKeycloak implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, String> nonces = new ConcurrentHashMap<>();
    volatile String username = "kpps.gambir.4";
    volatile String tpsCode = "31.71.01.1001.004";
    /** Realm role and region of the signed-in user (the Desk Pilkada tests sign in reporters and desks). */
    volatile String role = "kpps";
    /** Several realm roles at once (staff screens: party operator, KPU); when set, used instead of {@link #role}. */
    volatile List<String> roles;
    volatile String partyId;
    /** The display name; by default "Petugas KPPS <username>" for KPPS, the username otherwise. */
    volatile String name;
    volatile String regionCode;

    FakeKeycloak() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("browser-test").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/pemilu/protocol/openid-connect/auth", this::authorize);
        server.createContext("/realms/pemilu/protocol/openid-connect/token", this::token);
        server.createContext("/realms/pemilu/protocol/openid-connect/certs", exchange ->
                send(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/realms/pemilu/protocol/openid-connect/logout", exchange -> {
            String target = query(exchange).getOrDefault("post_logout_redirect_uri", "/");
            exchange.getResponseHeaders().add("Location", target);
            send(exchange, 302, "text/plain", "");
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/pemilu";
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String code = UUID.randomUUID().toString();
        nonces.put(code, q.getOrDefault("nonce", ""));
        exchange.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce = nonces.getOrDefault(form.getOrDefault("code", ""), "");
        try {
            Date now = new Date();
            Date exp = new Date(now.getTime() + 300_000);
            List<String> realmRoles = this.roles != null ? this.roles : List.of(role);
            boolean kpps = realmRoles.contains("kpps");
            Map<String, Object> roles = Map.of("roles", realmRoles);
            JWTClaimsSet id = new JWTClaimsSet.Builder().issuer(issuer()).subject(username).audience("pemilu-portal")
                    .issueTime(now).expirationTime(exp).claim("nonce", nonce).claim("preferred_username", username)
                    .claim("name", name != null ? name : (kpps ? "Petugas KPPS " : "") + username)
                    .claim("tps_code", kpps ? tpsCode : null).claim("region_code", regionCode)
                    .claim("party_id", partyId).claim("realm_access", roles).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), id);
            jwt.sign(new RSASSASigner(key));
            String body = "{\"access_token\":\"token-" + username + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"refresh_token\":\"refresh-" + username + "\",\"id_token\":\"" + jwt.serialize()
                    + "\",\"scope\":\"openid profile\"}";
            send(exchange, 200, "application/json", body);
        } catch (Exception e) {
            send(exchange, 500, "text/plain", e.toString());
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return parse(raw == null ? "" : raw);
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
