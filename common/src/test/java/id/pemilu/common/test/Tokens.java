package id.pemilu.common.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signed-looking tokens for MockMvc tests, shaped like the ones the Keycloak realm {@code pemilu} issues. */
public final class Tokens {

    private Tokens() {
    }

    public static RequestPostProcessor as(String username, String role, Map<String, String> scopeClaims) {
        Map<String, Object> claims = new HashMap<>(scopeClaims);
        claims.put("preferred_username", username);
        claims.put("realm_access", Map.of("roles", List.of(role)));
        return jwt().jwt(builder -> builder.subject(username).claims(c -> c.putAll(claims)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static RequestPostProcessor kpps(String tpsCode) {
        return as("kpps-" + tpsCode, Roles.KPPS, Map.of(Caller.TPS_CODE_CLAIM, tpsCode));
    }

    public static RequestPostProcessor ppk(String kecamatanCode) {
        return as("ppk-" + kecamatanCode, Roles.PPK, Map.of(Caller.REGION_CODE_CLAIM, kecamatanCode));
    }

    public static RequestPostProcessor kpu(String role, String regionCode) {
        return as(role + "-" + regionCode, role, Map.of(Caller.REGION_CODE_CLAIM, regionCode));
    }

    public static RequestPostProcessor kpuRi() {
        return as("kpu-ri", Roles.KPU_RI, Map.of());
    }

    public static RequestPostProcessor bawaslu() {
        return as("bawaslu", Roles.BAWASLU, Map.of());
    }

    public static RequestPostProcessor partyOperator(String partyId) {
        return as("operator-" + partyId, Roles.PARTY_OPERATOR, Map.of(Caller.PARTY_ID_CLAIM, partyId));
    }
}
