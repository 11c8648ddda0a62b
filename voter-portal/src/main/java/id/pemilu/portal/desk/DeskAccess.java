package id.pemilu.portal.desk;

import id.pemilu.portal.signin.SignedIn;
import java.util.regex.Pattern;

/**
 * Who may open the desk's pages: reporters ({@code desk-pelapor}), the desks of a kab/kota or province
 * ({@code desk-pilkada}) and the national desk ({@code desk-nasional}, Kemendagri). desk-pilkada checks every call
 * again (role and region); this only explains a refusal before asking it.
 */
final class DeskAccess {

    static final String PELAPOR = "desk-pelapor";
    static final String DESK = "desk-pilkada";
    static final String NATIONAL = "desk-nasional";
    static final String NATIONAL_REGION = "ID";
    private static final Pattern TPS = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3}");
    private static final Pattern REGION = Pattern.compile("ID|\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

    private DeskAccess() {
    }

    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static SignedIn requireDesk(SignedIn user) {
        if (user == null || !(isReporter(user) || isStaff(user))) {
            throw new Refused("Halaman ini untuk pelapor dan petugas Desk Pilkada (pemerintah daerah). Anda masuk "
                    + "sebagai " + (user == null ? "tamu" : user.roleLabel()) + ".");
        }
        return user;
    }

    static boolean isReporter(SignedIn user) {
        return user.roles().contains(PELAPOR);
    }

    /** The desk of a kab/kota or province, or the national desk. */
    static boolean isStaff(SignedIn user) {
        return user.roles().contains(DESK) || user.roles().contains(NATIONAL);
    }

    static boolean isNational(SignedIn user) {
        return user.roles().contains(NATIONAL);
    }

    /** The region a user starts from: their own, or the whole country for the national desk. */
    static String home(SignedIn user) {
        if (isNational(user)) {
            return NATIONAL_REGION;
        }
        if (user.regionCode() == null || user.regionCode().isBlank()) {
            throw new Refused("Akun Anda tidak memuat wilayah tugas (region_code). Minta administrator Desk Pilkada "
                    + "mengisinya.");
        }
        return user.regionCode();
    }

    /** True if the user's scope covers the region (or TPS) code. */
    static boolean covers(SignedIn user, String code) {
        if (isNational(user)) {
            return true;
        }
        String own = user.regionCode();
        return own != null && !own.isBlank() && (code.equals(own) || code.startsWith(own + "."));
    }

    static String validTps(String tps) {
        if (tps == null || !TPS.matcher(tps).matches()) {
            throw new IllegalArgumentException("Kode TPS tidak sah: " + tps + " (mis. 31.71.01.1001.001).");
        }
        return tps;
    }

    static String validRegion(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("Kode wilayah tidak sah: " + region + " (mis. 31.71.01.1001).");
        }
        return region;
    }

    static String validContest(String contest) {
        if (contest == null || !DeskLabels.CONTESTS.containsKey(contest)) {
            throw new IllegalArgumentException("Jenis pemilihan tidak dikenal: pilih Gubernur atau Bupati/Wali Kota.");
        }
        return contest;
    }
}
