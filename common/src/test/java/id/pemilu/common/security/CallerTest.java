package id.pemilu.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static Jwt token(String role, Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claim("preferred_username", "u")
                .claim("realm_access", Map.of("roles", List.of(role)));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void readsRolesAndScopeClaimsFromAKeycloakToken() {
        Caller kpps = Caller.of(token(Roles.KPPS, Map.of("tps_code", "31.71.01.1001.001")));
        assertThat(kpps.hasRole(Roles.KPPS)).isTrue();
        assertThat(kpps.tpsCode()).isEqualTo("31.71.01.1001.001");
        assertThat(Caller.authorities(token(Roles.PPK, Map.of()))).containsExactly("ROLE_ppk");
    }

    @Test
    void regionScopeCoversOnlyItsOwnSubtree() {
        Caller ppk = Caller.of(token(Roles.PPK, Map.of("region_code", "31.71.01")));
        assertThat(ppk.coversRegion("31.71.01")).isTrue();
        assertThat(ppk.coversRegion("31.71.01.1001")).isTrue();
        assertThat(ppk.coversRegion("31.71.010")).isFalse();
        assertThat(ppk.coversRegion("31.71.02")).isFalse();
        assertThat(ppk.coversRegion("31.71")).isFalse();
        assertThat(Caller.of(token(Roles.KPU_RI, Map.of())).coversRegion("94.01")).isTrue();
        assertThat(Caller.of(token(Roles.PARTY_OPERATOR, Map.of("party_id", "pnb"))).coversRegion("31")).isFalse();
    }
}
