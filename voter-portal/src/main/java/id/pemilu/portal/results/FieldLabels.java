package id.pemilu.portal.results;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bahasa Indonesia labels for the C.Hasil field keys (see {@code C1FieldKeys}), as the form prints them. */
public final class FieldLabels {

    private static final Map<String, String> ROWS = Map.ofEntries(
            Map.entry("dpt", "Pemilih dalam DPT"),
            Map.entry("dptb", "Pemilih dalam DPTb"),
            Map.entry("dpk", "Pemilih dalam DPK"),
            Map.entry("all", "Jumlah pemilih"),
            Map.entry("voted.dpt", "Pengguna hak pilih dalam DPT"),
            Map.entry("voted.dptb", "Pengguna hak pilih dalam DPTb"),
            Map.entry("voted.dpk", "Pengguna hak pilih dalam DPK"),
            Map.entry("voted.all", "Jumlah pengguna hak pilih"),
            Map.entry("ballots.received", "Surat suara diterima"),
            Map.entry("ballots.used", "Surat suara digunakan"),
            Map.entry("ballots.unused", "Surat suara tidak digunakan"),
            Map.entry("ballots.damaged", "Surat suara rusak/keliru coblos"),
            Map.entry("votes.valid", "Jumlah suara sah"),
            Map.entry("votes.invalid", "Jumlah suara tidak sah"),
            Map.entry("votes.total", "Jumlah suara sah dan tidak sah"));
    private static final Map<String, String> GENDER = Map.of(".men", " (laki-laki)", ".women", " (perempuan)",
            ".total", " (jumlah)");
    private static final Pattern CANDIDATE = Pattern.compile("votes\\.candidate\\.(\\d+)");
    private static final Pattern PARTY = Pattern.compile("votes\\.party\\.(\\d+)");
    private static final Pattern PARTY_CANDIDATE = Pattern.compile("votes\\.party\\.(\\d+)\\.candidate\\.(\\d+)");

    private FieldLabels() {
    }

    public static String of(String key) {
        if (key == null) {
            return "";
        }
        Matcher m = CANDIDATE.matcher(key);
        if (m.matches()) {
            return "Suara calon nomor urut " + m.group(1);
        }
        m = PARTY_CANDIDATE.matcher(key);
        if (m.matches()) {
            return "Suara partai nomor " + m.group(1) + ", calon nomor " + m.group(2);
        }
        m = PARTY.matcher(key);
        if (m.matches()) {
            return "Suara partai nomor " + m.group(1);
        }
        for (Map.Entry<String, String> suffix : GENDER.entrySet()) {
            if (key.endsWith(suffix.getKey())) {
                String row = ROWS.get(key.substring(0, key.length() - suffix.getKey().length()));
                if (row != null) {
                    return row + suffix.getValue();
                }
            }
        }
        return ROWS.getOrDefault(key, key);
    }

    /** The vote rows (per candidate or party) that make up the result, in ballot order. */
    public static boolean isVoteRow(String key) {
        return key != null && (CANDIDATE.matcher(key).matches() || PARTY.matcher(key).matches());
    }
}
