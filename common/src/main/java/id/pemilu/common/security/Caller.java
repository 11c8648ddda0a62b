package id.pemilu.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling and what their token says they may touch: a KPPS officer's TPS code, a PPK's kecamatan code or a
 * KPU officer's region code ({@code region_code}), a party operator's party id.
 */
public record Caller(String username, Set<String> roles, String tpsCode, String regionCode, String partyId) {

    public static final String TPS_CODE_CLAIM = "tps_code";
    public static final String REGION_CODE_CLAIM = "region_code";
    public static final String PARTY_ID_CLAIM = "party_id";

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getClaimAsString("preferred_username"), realmRoles(jwt),
                jwt.getClaimAsString(TPS_CODE_CLAIM), jwt.getClaimAsString(REGION_CODE_CLAIM),
                jwt.getClaimAsString(PARTY_ID_CLAIM));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True if the caller's region scope covers {@code regionCode} (KPU RI and Bawaslu RI cover all regions). */
    public boolean coversRegion(String regionCode) {
        if (hasRole(Roles.KPU_RI) || (hasRole(Roles.BAWASLU) && (this.regionCode == null || this.regionCode.isBlank()))) {
            return true;
        }
        return this.regionCode != null && regionCode != null
                && (regionCode.equals(this.regionCode) || regionCode.startsWith(this.regionCode + "."));
    }

    static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        return roles.stream().map(Object::toString).collect(Collectors.toUnmodifiableSet());
    }

    static List<String> authorities(Jwt jwt) {
        return realmRoles(jwt).stream().map(role -> "ROLE_" + role).toList();
    }
}
