package id.pemilu.desk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic checks of a quick report: the rules of recap-service's C.Hasil checks that apply to the numbers a
 * desk reporter sends, under the same flag codes and with the Pilkada limits. Pure functions, no I/O.
 *
 * <ul>
 *   <li>{@code MISSING_FIELDS}: every number is filled</li>
 *   <li>{@code VOTES_SUM}: the pairs' votes add up to the valid votes</li>
 *   <li>{@code VALID_PLUS_INVALID}: valid + invalid = total votes</li>
 *   <li>{@code OUT_OF_RANGE}: every number 0 ≤ n ≤ the Pilkada maximum per TPS (600), and the total no more than
 *   the ballots the TPS received (its DPT + the 2 % reserve), when the registry knows its DPT</li>
 * </ul>
 */
public final class QuickChecks {

    public static final String MISSING_FIELDS = "MISSING_FIELDS";
    public static final String VOTES_SUM = "VOTES_SUM";
    public static final String VALID_PLUS_INVALID = "VALID_PLUS_INVALID";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";

    private QuickChecks() {
    }

    /**
     * @param dpt            DPT of the TPS in the registry, or 0 when unknown
     * @param maxVoters      Pilkada maximum voters per TPS
     * @param reservePercent ballots sent on top of DPT
     */
    public static List<Flag> check(QuickNumbers n, int dpt, int maxVoters, int reservePercent) {
        List<Flag> flags = new ArrayList<>();
        Map<String, Integer> values = n.byKey();
        List<String> missing = values.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();
        if (!missing.isEmpty()) {
            flags.add(new Flag(MISSING_FIELDS, "Kolom belum diisi: " + String.join(", ", missing)));
        }
        if (n.candidates().stream().allMatch(c -> c != null) && n.valid() != null) {
            long sum = n.candidates().stream().mapToLong(Integer::longValue).sum();
            if (sum != n.valid()) {
                flags.add(new Flag(VOTES_SUM, "Jumlah suara pasangan calon (" + sum + ") tidak sama dengan suara sah ("
                        + n.valid() + ")"));
            }
        }
        if (n.valid() != null && n.invalid() != null && n.total() != null && n.valid() + n.invalid() != n.total()) {
            flags.add(new Flag(VALID_PLUS_INVALID, "Suara sah + tidak sah (" + (n.valid() + n.invalid())
                    + ") tidak sama dengan jumlah suara (" + n.total() + ")"));
        }
        List<String> wrong = new ArrayList<>();
        values.forEach((key, value) -> {
            if (value != null && (value < 0 || value > maxVoters)) {
                wrong.add(key + "=" + value);
            }
        });
        if (dpt > 0 && n.total() != null) {
            int ballots = dpt + (dpt * reservePercent + 99) / 100;
            if (n.total() > ballots) {
                wrong.add("votes.total=" + n.total() + " > surat suara TPS (DPT " + dpt + " + " + reservePercent
                        + "% = " + ballots + ")");
            }
        }
        if (!wrong.isEmpty()) {
            flags.add(new Flag(OUT_OF_RANGE, "Angka di luar batas (0 sampai " + maxVoters + " pemilih per TPS "
                    + "Pilkada): " + String.join(", ", wrong)));
        }
        return flags;
    }
}
