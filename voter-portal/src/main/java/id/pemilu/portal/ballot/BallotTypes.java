package id.pemilu.portal.ballot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one list of ballot types the portal knows (recap-service's {@code BallotType}), in ballot order, with their
 * names in Bahasa Indonesia. Every page takes the names from here; which of them a TPS has is {@link TpsBallots}.
 */
public final class BallotTypes {

    private static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("PPWP", "Presiden dan Wakil Presiden");
        ALL.put("DPR", "DPR");
        ALL.put("DPD", "DPD");
        ALL.put("DPRD_PROVINSI", "DPRD Provinsi");
        ALL.put("DPRD_KABKOTA", "DPRD Kabupaten/Kota");
        ALL.put("PILKADA_GUBERNUR", "Gubernur dan Wakil Gubernur");
        ALL.put("PILKADA_BUPATI", "Bupati/Wali Kota");
    }

    /** Every ballot type with its name, in ballot order (read-only). */
    public static final Map<String, String> NAMES = Collections.unmodifiableMap(ALL);

    private BallotTypes() {
    }

    public static boolean known(String type) {
        return type != null && ALL.containsKey(type);
    }

    /** The name of a ballot type; an unknown code stays as it is. */
    public static String name(String type) {
        return ALL.getOrDefault(type, type);
    }

    /** The type itself if known; else an {@link IllegalArgumentException} (a 400 page) in words. */
    public static String valid(String type) {
        if (!known(type)) {
            throw new IllegalArgumentException("Jenis surat suara tidak dikenal.");
        }
        return type;
    }
}
