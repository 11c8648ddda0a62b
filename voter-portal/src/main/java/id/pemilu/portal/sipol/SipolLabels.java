package id.pemilu.portal.sipol;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Words for the codes of party-registry (flags, statuses, rules) and times in WIB, shared by Sipol and Silon. */
public final class SipolLabels {

    public static final Map<String, String> FLAGS = new LinkedHashMap<>();
    public static final Map<String, String> MEMBER_STATUS = new LinkedHashMap<>();
    static final Map<String, String> COMPLAINT_STATUS = Map.of(
            "OPEN", "menunggu jawaban partai",
            "ANSWERED", "sudah dijawab partai, menunggu putusan KPU",
            "REMOVED", "diputus KPU: keanggotaan dihapus",
            "KEPT", "diputus KPU: tetap anggota");
    static final Map<String, String> IMPORT_STATUS = Map.of(
            "RUNNING", "sedang diimpor",
            "COMPLETED", "selesai",
            "FAILED", "gagal");

    static {
        FLAGS.put("INVALID_NIK", "NIK tidak sah");
        FLAGS.put("DATA_MISMATCH", "data tidak cocok dengan NIK");
        FLAGS.put("UNDERAGE", "belum berusia 17 tahun");
        FLAGS.put("DUPLICATE", "ganda identik dalam partai yang sama");
        FLAGS.put("OTHER_PARTY", "juga anggota partai lain");
        FLAGS.put("OFFICIAL", "penyelenggara pemilu / ASN");
        MEMBER_STATUS.put("PENDING", "belum diverifikasi");
        MEMBER_STATUS.put("MS", "memenuhi syarat (MS)");
        MEMBER_STATUS.put("TMS", "tidak memenuhi syarat (TMS)");
        MEMBER_STATUS.put("DISPUTED", "diadukan warga (dibekukan)");
        MEMBER_STATUS.put("REPLACED", "diganti");
        MEMBER_STATUS.put("REMOVED", "dihapus");
    }

    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm 'WIB'")
            .withZone(ZoneId.of("Asia/Jakarta"));

    private SipolLabels() {
    }

    public static String flag(String code) {
        return FLAGS.getOrDefault(code, code);
    }

    public static String memberStatus(String code) {
        return MEMBER_STATUS.getOrDefault(code, code);
    }

    /** An ISO instant as {@code 14-2-2029 20:05 WIB}; null or unreadable → "–". */
    public static String time(String isoInstant) {
        Instant at = instant(isoInstant);
        return at == null ? "–" : WIB.format(at);
    }

    static Instant instant(String isoInstant) {
        if (isoInstant == null || isoInstant.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(isoInstant);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** What is left until a deadline, in words: "6 hari 23 jam 59 menit lagi", or that it has passed. */
    public static String countdown(Instant deadline, Instant now) {
        if (deadline == null) {
            return "–";
        }
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return "batas waktu sudah lewat";
        }
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        StringBuilder out = new StringBuilder();
        if (days > 0) {
            out.append(days).append(" hari ");
        }
        if (days > 0 || hours > 0) {
            out.append(hours).append(" jam ");
        }
        out.append(minutes).append(" menit lagi");
        return out.toString();
    }
}
