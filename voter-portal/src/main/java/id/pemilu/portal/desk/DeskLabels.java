package id.pemilu.portal.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Words for the desk's codes: races, statuses, tiers, checks, times in WIB. */
final class DeskLabels {

    /** The banner every desk page carries: these numbers are not KPU's. */
    static final String UNOFFICIAL = "Data cepat Desk Pilkada — bukan hasil resmi KPU";

    static final Map<String, String> CONTESTS = new LinkedHashMap<>();

    static {
        CONTESTS.put("PILKADA_GUBERNUR", "Gubernur");
        CONTESTS.put("PILKADA_BUPATI", "Bupati/Wali Kota");
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH.mm 'WIB'", Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH.mm 'WIB'")
            .withZone(ZoneId.of("Asia/Jakarta"));

    private DeskLabels() {
    }

    static String contest(String code) {
        return CONTESTS.getOrDefault(code, code);
    }

    static String status(String status) {
        if (status == null) {
            return "belum masuk";
        }
        return switch (status) {
            case "reported" -> "masuk";
            case "flagged" -> "ditandai";
            case "belum_masuk" -> "belum masuk";
            default -> status;
        };
    }

    static String level(String level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case "NASIONAL" -> "Nasional";
            case "PROVINSI" -> "Provinsi";
            case "KABKOTA" -> "Kab/kota";
            case "KECAMATAN" -> "Kecamatan";
            case "DESA" -> "Desa/kelurahan";
            case "TPS" -> "TPS";
            default -> level;
        };
    }

    static String check(String code) {
        return switch (code) {
            case "MISSING_FIELDS" -> "Ada angka yang belum diisi";
            case "VOTES_SUM" -> "Suara pasangan calon tidak sama dengan suara sah";
            case "VALID_PLUS_INVALID" -> "Suara sah + tidak sah tidak sama dengan jumlah suara";
            case "OUT_OF_RANGE" -> "Angka di luar batas";
            default -> code;
        };
    }

    static String field(String key) {
        if (key.startsWith("votes.candidate.")) {
            return "Paslon " + key.substring("votes.candidate.".length());
        }
        return switch (key) {
            case "votes.valid" -> "Suara sah";
            case "votes.invalid" -> "Suara tidak sah";
            case "votes.total" -> "Jumlah suara";
            default -> key;
        };
    }

    /** An ISO instant as "6 Desember 2026, 09.12 WIB"; null or unreadable → null. */
    static String time(String iso) {
        Instant at = instant(iso);
        return at == null ? null : TIME.format(at);
    }

    /** Only the clock time ("09.12 WIB"), for lists. */
    static String clock(String iso) {
        Instant at = instant(iso);
        return at == null ? null : CLOCK.format(at);
    }

    private static Instant instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
