package id.pemilu.portal.signin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in and what they may touch, from the ID token's claims (the same claims the services read from the
 * access token): realm roles, {@code tps_code}, {@code region_code}, {@code party_id}.
 */
public record SignedIn(String username, String displayName, List<String> roles, String tpsCode, String regionCode,
                       String partyId) {

    public static final String KPPS = "kpps";

    /** The signed-in officer, or null for a citizen (anonymous). */
    public static SignedIn of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        String name = user.getFullName() != null && !user.getFullName().isBlank() ? user.getFullName() : username;
        return new SignedIn(username, name, roles(user.getClaims()), user.getClaimAsString("tps_code"),
                user.getClaimAsString("region_code"), user.getClaimAsString("party_id"));
    }

    /** Realm roles as Keycloak puts them in a token: {@code realm_access.roles}. */
    static List<String> roles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> r) {
            return r.stream().map(String::valueOf).sorted().toList();
        }
        return List.of();
    }

    public boolean isKpps() {
        return roles.contains(KPPS) && tpsCode != null && !tpsCode.isBlank();
    }

    /** The roles in words, for the page header. */
    public String roleLabel() {
        return roles.stream().map(SignedIn::label).filter(l -> l != null).reduce((a, b) -> a + ", " + b)
                .orElse("tanpa peran");
    }

    /** The scope in words: which TPS, region or party the officer acts for. */
    public String scopeLabel() {
        StringBuilder out = new StringBuilder();
        if (tpsCode != null && !tpsCode.isBlank()) {
            out.append("TPS ").append(tpsCode);
        }
        if (regionCode != null && !regionCode.isBlank()) {
            out.append(out.isEmpty() ? "" : " · ").append("wilayah ").append(regionCode);
        }
        if (partyId != null && !partyId.isBlank()) {
            out.append(out.isEmpty() ? "" : " · ").append("partai ").append(partyId);
        }
        if (out.isEmpty() && (roles.contains("kpu-ri") || roles.contains("bawaslu")
                || roles.contains("desk-nasional"))) {
            out.append("nasional");
        }
        return out.toString();
    }

    private static String label(String role) {
        return switch (role) {
            case "kpps" -> "Petugas KPPS";
            case "ppk" -> "PPK";
            case "kpu-kabkota" -> "KPU kabupaten/kota";
            case "kpu-provinsi" -> "KPU provinsi";
            case "kpu-ri" -> "KPU RI";
            case "bawaslu" -> "Bawaslu";
            case "party-operator" -> "Operator partai";
            case "desk-pelapor" -> "Pelapor Desk Pilkada";
            case "desk-pilkada" -> "Desk Pilkada";
            case "desk-nasional" -> "Desk Pilkada nasional (Kemendagri)";
            default -> null;
        };
    }
}
