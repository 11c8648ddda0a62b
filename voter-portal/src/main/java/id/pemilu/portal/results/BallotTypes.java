package id.pemilu.portal.results;

import java.util.LinkedHashMap;
import java.util.Map;

/** The ballots a citizen can choose, with their names in Bahasa Indonesia. */
final class BallotTypes {

    static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("PPWP", "Presiden dan Wakil Presiden");
        NAMES.put("DPR", "DPR");
        NAMES.put("DPD", "DPD");
        NAMES.put("DPRD_PROVINSI", "DPRD Provinsi");
        NAMES.put("DPRD_KABKOTA", "DPRD Kabupaten/Kota");
        NAMES.put("PILKADA_GUBERNUR", "Gubernur dan Wakil Gubernur");
        NAMES.put("PILKADA_BUPATI", "Bupati/Wali Kota");
    }

    private BallotTypes() {
    }

    static String valid(String type) {
        if (type == null || !NAMES.containsKey(type)) {
            throw new IllegalArgumentException("Jenis surat suara tidak dikenal.");
        }
        return type;
    }
}
