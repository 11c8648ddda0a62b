package id.pemilu.recap.session;

import id.pemilu.recap.tier.Tier;
import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a recap session. The officer of a session is PPK for its kecamatan, KPU kab/kota, provinsi or
 * RI for their region ({@code region_code} equal to the session's region). Readers: officers whose region covers the
 * session's, Bawaslu (all, or its region), and a witness (saksi) whose region and the session's region contain one
 * another. Objections: the officer (on a witness's behalf), Bawaslu/Panwaslu, or such a witness. Reopening: the
 * officer of the tier above whose region covers the session's, or KPU RI.
 */
@Component
class SessionAccess {

    static final Set<String> OFFICER_ROLES = Set.of(Roles.PPK, Roles.KPU_KABKOTA, Roles.KPU_PROVINSI, Roles.KPU_RI);

    /** Returns the caller's officer role. */
    String requireOfficer(Caller caller, Tier tier, String region) {
        boolean ok = caller.hasRole(tier.officerRole())
                && (tier == Tier.NASIONAL || region.equals(caller.regionCode()));
        if (!ok) {
            throw DomainException.notPermitted("Hanya " + tier.officerLabel() + " " + region
                    + " yang dapat melakukan tindakan ini dalam sesi rekapitulasi wilayah " + region + ".");
        }
        return tier.officerRole();
    }

    void requireRead(Caller caller, String region) {
        boolean officer = OFFICER_ROLES.stream().anyMatch(caller::hasRole) && caller.coversRegion(region);
        boolean bawaslu = caller.hasRole(Roles.BAWASLU) && caller.coversRegion(region);
        if (!officer && !bawaslu && !witnessOf(caller, region)) {
            throw DomainException.notPermitted("Sesi rekapitulasi wilayah " + region + " berada di luar wilayah Anda.");
        }
    }

    /** Returns the role under which the objection is recorded. */
    String requireObjector(Caller caller, Tier tier, String region) {
        if (caller.hasRole(tier.officerRole()) && (tier == Tier.NASIONAL || region.equals(caller.regionCode()))) {
            return tier.officerRole();
        }
        if (caller.hasRole(Roles.BAWASLU) && caller.coversRegion(region)) {
            return Roles.BAWASLU;
        }
        if (witnessOf(caller, region)) {
            return Roles.SAKSI;
        }
        throw DomainException.notPermitted("Keberatan dalam sesi wilayah " + region
                + " hanya dapat dicatat oleh petugas "
                + "sesi, Bawaslu/Panwaslu, atau saksi yang wilayahnya terkait.");
    }

    /** Returns the reopening caller's role. */
    String requireReopener(Caller caller, Tier tier, String region) {
        if (caller.hasRole(Roles.KPU_RI)) {
            return Roles.KPU_RI;
        }
        Tier above = tier.above();
        if (above != null && caller.hasRole(above.officerRole()) && caller.coversRegion(region)) {
            return above.officerRole();
        }
        throw DomainException.notPermitted("D.Hasil " + tier.label() + " hanya dapat dibuka kembali oleh "
                + (above == null ? "KPU RI" : above.officerLabel() + " yang membawahinya atau KPU RI") + ".");
    }

    /** A witness whose region contains the session's region or lies inside it. */
    static boolean witnessOf(Caller caller, String region) {
        String own = caller.regionCode();
        if (!caller.hasRole(Roles.SAKSI) || own == null || own.isBlank()) {
            return false;
        }
        return contains(own, region) || contains(region, own);
    }

    static boolean contains(String outer, String inner) {
        return "ID".equals(outer) || inner.equals(outer) || inner.startsWith(outer + ".");
    }
}
