package id.pemilu.recapbench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * HS256 tokens shaped like the Keycloak realm's, signed with a THROWAWAY DEV-ONLY secret that only the benchmark
 * server (BenchServer) accepts. The real service only accepts Keycloak's RS256 tokens.
 */
final class BenchTokens {

    static final String DEV_ONLY_SECRET = "dev-only-recap-bench-secret-not-for-production-0123456789";

    /** Shaped like the Keycloak realm's issuer; the bench server checks only the signature and the lifetime. */
    static final String ISSUER = "http://127.0.0.1:8180/realms/pemilu-bench";

    private BenchTokens() {
    }

    static String kpps(String tpsCode) {
        return sign("bench-kpps-" + tpsCode, "kpps", Map.of("tps_code", tpsCode));
    }

    static String kpuRi() {
        return sign("bench-kpu-ri", "kpu-ri", Map.of());
    }

    static String sign(String username, String role, Map<String, String> scope) {
        try {
            // the issuer is an absolute URL, as Keycloak's is: Spring's claim conversion turns it into a URL, and a bare
            // name ("recap-bench" until 8 Dec) made it throw and catch an exception on every request, which the
            // service never does with Keycloak's tokens (2-3 % of the request threads in a JFR profile, issue 22)
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(username)
                    .issuer(ISSUER).issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(7200)))
                    .claim("preferred_username", username)
                    .claim("realm_access", Map.of("roles", List.of(role)));
            scope.forEach(claims::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(DEV_ONLY_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
