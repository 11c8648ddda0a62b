package id.pemilu.gateway;

import static id.pemilu.gateway.SuiteEndToEndTest.HTTP;
import static id.pemilu.gateway.SuiteEndToEndTest.JSON;
import static id.pemilu.gateway.SuiteEndToEndTest.KEYCLOAK;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Forged, altered, foreign and stale tokens against the running suite: each is refused with 401 and an RFC 9457
 * problem, at the gateway and at the service behind it (recap-service, called directly on its loopback port, checks
 * every token again). The genuine token of the same user is let through in the same test, so a refusal is the token's
 * fault and not the user's.
 */
@Tag("e2e")
class TokenAttacksEndToEndTest {

    static final String RECAP_SERVICE = System.getenv().getOrDefault("RECAP_SERVICE_URL", "http://127.0.0.1:8084");
    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "dev-only-admin");
    static final String PATH = "/api/recap/me";

    @Test
    void forgedAlteredAndForeignTokensAreRefusedAtTheGatewayAndAtTheService() throws Exception {
        String genuine = SuiteEndToEndTest.token(KEYCLOAK, "kpps.gambir.1");
        assertThat(status(SuiteEndToEndTest.GATEWAY, genuine)).isEqualTo(200);
        assertThat(status(RECAP_SERVICE, genuine)).isEqualTo(200);
        String[] parts = genuine.split("\\.");
        ObjectNode header = (ObjectNode) JSON.readTree(decode(parts[0]));
        ObjectNode claims = (ObjectNode) JSON.readTree(decode(parts[1]));

        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("signature of another token", parts[0] + "." + parts[1] + "."
                + SuiteEndToEndTest.token(KEYCLOAK, "kpps.gambir.2").split("\\.")[2]);
        attacks.put("signature bytes flipped", parts[0] + "." + parts[1] + "." + flip(parts[2]));
        attacks.put("no signature", parts[0] + "." + parts[1] + ".");
        attacks.put("alg none", encode(header.deepCopy().put("alg", "none").toString()) + "." + parts[1] + ".");
        attacks.put("alg HS256 keyed with the realm's public key", hs256WithPublicKey(claims));
        RSAKey ownKey = new RSAKeyGenerator(2048).keyID(header.path("kid").asString()).generate();
        attacks.put("signed by another key under the realm's key id", rs256(ownKey, claims));
        attacks.put("tps_code changed (signature kept)", tamper(parts, claims, "tps_code", "31.71.01.1001.002"));
        attacks.put("region_code added (signature kept)", tamper(parts, claims, "region_code", "31"));
        attacks.put("party_id added (signature kept)", tamper(parts, claims, "party_id", "pkr"));
        ObjectNode asKpuRi = claims.deepCopy();
        asKpuRi.putObject("realm_access").putArray("roles").add("kpu-ri");
        attacks.put("realm role kpu-ri added (signature kept)", parts[0] + "." + encode(asKpuRi.toString()) + "."
                + parts[2]);
        attacks.put("exp moved a day later (signature kept)", tamper(parts, claims, "exp",
                claims.path("exp").asLong() + 86_400));
        attacks.put("issuer of another host (signature kept)", tamper(parts, claims, "iss",
                "http://localhost:8180/realms/pemilu"));
        attacks.put("token of the realm master (admin)", adminToken());
        attacks.put("token of realm pemilu for client admin-cli (no pemilu-api audience)",
                passwordGrant("admin-cli", "kpps.gambir.1"));
        attacks.put("garbage", "bukan.token.jwt");

        List<String> wrong = new ArrayList<>();
        for (var attack : attacks.entrySet()) {
            for (String base : List.of(SuiteEndToEndTest.GATEWAY, RECAP_SERVICE)) {
                HttpResponse<String> response = call(base, attack.getValue());
                if (response.statusCode() != 401 || !AccessMatrixEndToEndTest.isProblem(response)) {
                    wrong.add(attack.getKey() + " at " + base + ": " + response.statusCode() + " "
                            + AccessMatrixEndToEndTest.abbreviate(response.body()));
                }
            }
        }
        System.out.printf("Token attacks: %d kinds x 2 (gateway, service) refused with 401%n", attacks.size());
        assertThat(wrong).isEmpty();
    }

    /**
     * A real Keycloak token whose lifetime ends: a temporary client of the realm issues 10-second tokens (with the
     * suite's audience); the token works at first and is refused once expired (5 s clock skew).
     */
    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String admin = adminToken();
        String clientId = "token-expiry-" + UUID.randomUUID().toString().substring(0, 8);
        String client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"10"},
                 "protocolMappers":[{"name":"aud","protocol":"openid-connect","protocolMapper":"oidc-audience-mapper",
                   "config":{"included.custom.audience":"pemilu-api","access.token.claim":"true"}},
                  {"name":"tps_code","protocol":"openid-connect","protocolMapper":"oidc-usermodel-attribute-mapper",
                   "config":{"user.attribute":"tps_code","claim.name":"tps_code","jsonType.label":"String",
                   "access.token.claim":"true"}}]}""".formatted(clientId);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/admin/realms/pemilu/clients")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as("temporary client " + created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        try {
            String token = passwordGrant(clientId, "kpps.gambir.1");
            long exp = JSON.readTree(decode(token.split("\\.")[1])).path("exp").asLong();
            assertThat(status(SuiteEndToEndTest.GATEWAY, token)).as("fresh short-lived token").isEqualTo(200);
            long waitMs = (exp + 5 + 2) * 1000 - System.currentTimeMillis();
            Thread.sleep(Math.max(0, waitMs));
            for (String base : List.of(SuiteEndToEndTest.GATEWAY, RECAP_SERVICE)) {
                HttpResponse<String> response = call(base, token);
                assertThat(response.statusCode()).as("expired token at " + base).isEqualTo(401);
                assertThat(AccessMatrixEndToEndTest.isProblem(response)).isTrue();
            }
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken()).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    /**
     * After sign-out the refresh token no longer gives new access tokens. The access token itself is a signed,
     * self-contained JWT: it stays valid until its {@code exp} (SECURITY.md: the realm's access-token lifetime is the
     * window), which this test states so a change of that behaviour is noticed.
     */
    @Test
    void afterSignOutTheRefreshTokenIsRefused() throws Exception {
        JsonNode tokens = grant("pemilu-cli", "kpps.gambir.1");
        String refresh = tokens.path("refresh_token").asString();
        HttpResponse<String> logout = form("/realms/pemilu/protocol/openid-connect/logout",
                "client_id=pemilu-cli&refresh_token=" + refresh);
        assertThat(logout.statusCode()).as("logout " + logout.body()).isIn(200, 204);
        HttpResponse<String> refreshed = form("/realms/pemilu/protocol/openid-connect/token",
                "grant_type=refresh_token&client_id=pemilu-cli&refresh_token=" + refresh);
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
        long lifetime = JSON.readTree(decode(tokens.path("access_token").asString().split("\\.")[1])).path("exp").asLong()
                - JSON.readTree(decode(tokens.path("access_token").asString().split("\\.")[1])).path("iat").asLong();
        assertThat(lifetime).as("access-token lifetime (the window in which a stolen token outlives sign-out)")
                .isLessThanOrEqualTo(300);
    }

    static int status(String base, String token) throws Exception {
        return call(base, token).statusCode();
    }

    static HttpResponse<String> call(String base, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + PATH)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String tamper(String[] parts, ObjectNode claims, String claim, Object value) {
        ObjectNode changed = claims.deepCopy();
        if (value instanceof Long number) {
            changed.put(claim, number);
        } else {
            changed.put(claim, value.toString());
        }
        return parts[0] + "." + encode(changed.toString()) + "." + parts[2];
    }

    static String hs256WithPublicKey(ObjectNode claims) throws Exception {
        HttpResponse<String> jwks = HTTP.send(HttpRequest.newBuilder(
                URI.create(KEYCLOAK + "/realms/pemilu/protocol/openid-connect/certs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        byte[] secret = jwks.body().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), JWTClaimsSet.parse(claims.toString()));
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    static String rs256(RSAKey key, ObjectNode claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                JWTClaimsSet.parse(claims.toString()));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String adminToken() throws Exception {
        HttpResponse<String> response = form("/realms/master/protocol/openid-connect/token",
                "grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("Keycloak admin token").isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    static String passwordGrant(String clientId, String username) throws Exception {
        return grant(clientId, username).path("access_token").asString();
    }

    static JsonNode grant(String clientId, String username) throws Exception {
        HttpResponse<String> response = form("/realms/pemilu/protocol/openid-connect/token",
                "grant_type=password&client_id=" + clientId + "&username=" + username + "&password="
                        + URLEncoder.encode(SuiteEndToEndTest.PASSWORD, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("token of " + clientId + " for " + username + ": " + response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> form(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String flip(String signature) {
        char[] chars = signature.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
