package id.pemilu.portal.rekap;

import id.pemilu.common.wilayah.RegionCode;
import id.pemilu.portal.signin.SignedIn;
import id.pemilu.portal.web.AccessRefused;
import java.util.List;

/**
 * Who the reconciliation desk is for: PPK and the KPU tiers (and Bawaslu, read-only). The screens only hide what a
 * role cannot do; every request still goes to recap-service, which answers 403 outside the officer's region.
 */
final class RekapAccess {

    static final List<String> OFFICER_ROLES = List.of("ppk", "kpu-kabkota", "kpu-provinsi", "kpu-ri");

    private RekapAccess() {
    }

    /** A refusal shown as the 403 page with the reason and what to do. */
    static final class Refused extends AccessRefused {
        Refused(String message) {
            super(message, null);
        }

        /** Without a word of its own: which region the officer may work in, and who can change that. */
        @Override
        public String whatToDo(SignedIn signedIn) {
            String own = super.whatToDo(signedIn);
            if (own != null || signedIn == null) {
                return own;
            }
            return "Anda masuk sebagai " + signedIn.roleLabel() + (signedIn.scopeLabel().isBlank() ? ""
                    : " (" + signedIn.scopeLabel() + ")") + ". Buka daftar kerja wilayah Anda sendiri; bila Anda "
                    + "memang bertugas di wilayah itu, minta administrator KPU memperbarui wilayah tugas akun Anda.";
        }
    }

    static SignedIn requireStaff(SignedIn signedIn) {
        if (signedIn == null || signedIn.roles().stream().noneMatch(r -> OFFICER_ROLES.contains(r)
                || r.equals("bawaslu"))) {
            throw new Refused("Meja rekapitulasi untuk PPK, KPU kabupaten/kota, KPU provinsi dan KPU RI. Anda masuk "
                    + "sebagai " + (signedIn == null ? "tamu" : signedIn.roleLabel()) + ". Lihat konsol yang "
                    + "tersedia untuk Anda di halaman Staf.");
        }
        return signedIn;
    }

    /** The officer's own region: kecamatan (PPK), kab/kota, provinsi, or ID (KPU RI, Bawaslu RI). */
    static String homeRegion(SignedIn signedIn) {
        String region = signedIn.regionCode();
        return region == null || region.isBlank() ? "ID" : region;
    }

    /** The officer role of the signed-in user (the one that acts in sessions), or null. */
    static String officerRole(SignedIn signedIn) {
        return signedIn.roles().stream().filter(OFFICER_ROLES::contains).findFirst().orElse(null);
    }

    /** The tier of a region code, as recap-service names it. */
    static String tierOf(String region) {
        if (RegionCode.isValid(region) && RegionCode.tierOf(region) != RegionCode.Tier.DESA) {
            return RegionCode.tierOf(region).name();
        }
        throw new IllegalArgumentException("Kode wilayah tidak sah: rekapitulasi diadakan per kecamatan (31.71.01), "
                + "kabupaten/kota (31.71), provinsi (31) atau nasional (ID).");
    }

    /** Whether the signed-in officer holds the session of this region (PPK of the kecamatan, KPU of the region). */
    static boolean holdsSession(SignedIn signedIn, String region) {
        String tier = tierOf(region);
        String role = switch (tier) {
            case "KECAMATAN" -> "ppk";
            case "KABKOTA" -> "kpu-kabkota";
            case "PROVINSI" -> "kpu-provinsi";
            default -> "kpu-ri";
        };
        return signedIn.roles().contains(role) && ("ID".equals(region) || region.equals(signedIn.regionCode()));
    }

    /** Whether the signed-in officer may reopen this region's D.Hasil (tier above covering it, or KPU RI). */
    static boolean mayReopen(SignedIn signedIn, String region) {
        if (signedIn.roles().contains("kpu-ri")) {
            return true;
        }
        String above = switch (tierOf(region)) {
            case "KECAMATAN" -> "kpu-kabkota";
            case "KABKOTA" -> "kpu-provinsi";
            case "PROVINSI" -> "kpu-ri";
            default -> null;
        };
        String own = signedIn.regionCode();
        return above != null && signedIn.roles().contains(above) && own != null
                && (region.equals(own) || region.startsWith(own + "."));
    }

    static String validType(String type) {
        if (type == null || !RekapLabels.BALLOTS.containsKey(type)) {
            throw new IllegalArgumentException("Jenis surat suara tidak dikenal.");
        }
        return type;
    }

    static String validTps(String tps) {
        if (tps == null || !tps.matches("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3}")) {
            throw new IllegalArgumentException("Kode TPS tidak sah (contoh: 31.71.01.1001.001).");
        }
        return tps;
    }
}
