package id.pemilu.desk.report;

import id.pemilu.common.security.Caller;
import id.pemilu.common.security.Roles;
import id.pemilu.common.domain.DomainException;
import id.pemilu.desk.DeskRoles;
import id.pemilu.desk.registry.TpsDirectory;

/**
 * Who may do what: a reporter ({@code desk-pelapor}) only for TPS inside the desa or kecamatan of its
 * {@code region_code}; the desk ({@code desk-pilkada}) reads and corrects everything inside its kab/kota or
 * province and manages the reporters there; the national desk ({@code desk-nasional}, Kemendagri) reads every
 * region and changes nothing. Region scope uses common's {@link Caller#coversRegion}.
 */
public final class DeskAccess {

    private DeskAccess() {
    }

    public static void reporterFor(Caller caller, String tpsCode) {
        if (!caller.hasRole(Roles.DESK_PELAPOR)) {
            throw DomainException.notPermitted("Hanya pelapor Desk Pilkada yang dapat mengirim laporan cepat.");
        }
        covers(caller, TpsDirectory.desaOf(tpsCode), "TPS " + tpsCode);
    }

    public static void correctorFor(Caller caller, String tpsCode) {
        if (!caller.hasRole(Roles.DESK_PELAPOR) && !caller.hasRole(Roles.DESK_PILKADA)) {
            throw DomainException.notPermitted("Hanya pelapor atau Desk Pilkada yang dapat mengoreksi laporan cepat.");
        }
        covers(caller, TpsDirectory.desaOf(tpsCode), "TPS " + tpsCode);
    }

    /**
     * Reading progress, reports and exports of a region: the desk or a reporter of (a part of) it, or the national
     * desk (every region, up to the whole country).
     */
    public static void readerFor(Caller caller, String regionCode) {
        if (caller.hasRole(DeskRoles.NATIONAL_ROLE)) {
            return;
        }
        if (!caller.hasRole(Roles.DESK_PELAPOR) && !caller.hasRole(Roles.DESK_PILKADA)) {
            throw DomainException.notPermitted("Hanya Desk Pilkada dan pelapornya yang dapat membaca data ini.");
        }
        covers(caller, regionCode, "wilayah " + regionCode);
    }

    /**
     * The {@code region} parameter, which the role check ({@code @PreAuthorize}) has already let through: a missing
     * one is a bad request of a caller who may use the operation (other roles got 403 before).
     */
    public static String requiredRegion(String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            throw DomainException.invalid("Kode wilayah (region) wajib diisi.");
        }
        return regionCode;
    }

    public static void deskFor(Caller caller, String regionCode) {
        if (!caller.hasRole(Roles.DESK_PILKADA)) {
            throw DomainException.notPermitted(
                    "Hanya Desk Pilkada kab/kota atau provinsi yang dapat mengelola pelapor.");
        }
        covers(caller, regionCode, "wilayah " + regionCode);
    }

    private static void covers(Caller caller, String regionCode, String what) {
        String own = caller.regionCode();
        if (own == null || own.isBlank()) {
            throw DomainException.notPermitted("Token Anda tidak memuat wilayah tugas (region_code).");
        }
        if (!caller.coversRegion(regionCode)) {
            throw DomainException.notPermitted("Wilayah tugas Anda (" + own + ") tidak mencakup " + what + ".");
        }
    }
}
