package id.pemilu.recap.result;

import id.pemilu.recap.ballot.BallotStructure;
import static id.pemilu.common.events.C1FieldKeys.BALLOTS_DAMAGED;
import static id.pemilu.common.events.C1FieldKeys.BALLOTS_RECEIVED;
import static id.pemilu.common.events.C1FieldKeys.BALLOTS_UNUSED;
import static id.pemilu.common.events.C1FieldKeys.BALLOTS_USED;
import static id.pemilu.common.events.C1FieldKeys.VOTES_INVALID;
import static id.pemilu.common.events.C1FieldKeys.VOTES_TOTAL;
import static id.pemilu.common.events.C1FieldKeys.VOTES_VALID;

import id.pemilu.common.events.C1FieldKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic checks of a C.Hasil record. Each failure is a named {@link Flag}; a record with any flag is not
 * counted until a person settles it. Pure functions, no I/O.
 */
public final class ResultChecks {

    public static final String MISSING_FIELDS = "MISSING_FIELDS";
    public static final String GENDER_SUM = "GENDER_SUM";
    public static final String REGISTERED_SUM = "REGISTERED_SUM";
    public static final String VOTED_SUM = "VOTED_SUM";
    public static final String VOTED_OVER_DPT = "VOTED_OVER_DPT";
    public static final String VOTES_SUM = "VOTES_SUM";
    public static final String VALID_PLUS_INVALID = "VALID_PLUS_INVALID";
    public static final String TOTAL_VS_VOTERS = "TOTAL_VS_VOTERS";
    public static final String TOTAL_VS_BALLOTS_USED = "TOTAL_VS_BALLOTS_USED";
    public static final String BALLOTS_BALANCE = "BALLOTS_BALANCE";
    public static final String BALLOTS_RESERVE = "BALLOTS_RESERVE";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    public static final String DPT_MISMATCH = "DPT_MISMATCH";
    public static final String DUPLICATE_PHOTO = "DUPLICATE_PHOTO";
    /** The same picture re-encoded/resized/cut was sent for another TPS (perceptual hash, see photohash). */
    public static final String SIMILAR_PHOTO = "SIMILAR_PHOTO";
    public static final String READINGS_DISAGREE = "READINGS_DISAGREE";

    private ResultChecks() {
    }

    public static List<Flag> check(Map<String, Integer> values, BallotStructure ballot, TpsLimits limits) {
        List<Flag> flags = new ArrayList<>();
        List<String> missing = ballot.allKeys().stream().filter(k -> values.get(k) == null).toList();
        if (!missing.isEmpty()) {
            flags.add(new Flag(MISSING_FIELDS, "Kolom belum diisi: " + String.join(", ", missing)));
        }
        genderRows(values, flags);
        registeredAndVoted(values, limits, flags);
        votes(values, ballot, flags);
        ballots(values, limits, flags);
        ranges(values, limits, flags);
        return flags;
    }

    private static void genderRows(Map<String, Integer> v, List<Flag> flags) {
        List<String> wrong = new ArrayList<>();
        for (String row : C1FieldKeys.VOTER_ROWS) {
            Integer men = v.get(row + ".men");
            Integer women = v.get(row + ".women");
            Integer total = v.get(row + ".total");
            if (men != null && women != null && total != null && men + women != total) {
                wrong.add(row);
            }
        }
        if (!wrong.isEmpty()) {
            flags.add(new Flag(GENDER_SUM, "Laki-laki + perempuan tidak sama dengan jumlah pada baris: "
                    + String.join(", ", wrong)));
        }
    }

    private static void registeredAndVoted(Map<String, Integer> v, TpsLimits limits, List<Flag> flags) {
        Integer all = sum(v, "dpt.total", "dptb.total", "dpk.total");
        if (all != null && v.get("all.total") != null && !all.equals(v.get("all.total"))) {
            flags.add(new Flag(REGISTERED_SUM, "Jumlah pemilih terdaftar (" + v.get("all.total")
                    + ") tidak sama dengan DPT + DPTb + DPK (" + all + ")"));
        }
        Integer voted = sum(v, "voted.dpt.total", "voted.dptb.total", "voted.dpk.total");
        if (voted != null && v.get("voted.all.total") != null && !voted.equals(v.get("voted.all.total"))) {
            flags.add(new Flag(VOTED_SUM, "Jumlah pengguna hak pilih (" + v.get("voted.all.total")
                    + ") tidak sama dengan DPT + DPTb + DPK yang memilih (" + voted + ")"));
        }
        Integer dpt = v.get("dpt.total");
        Integer votedDpt = v.get("voted.dpt.total");
        if (dpt != null && votedDpt != null && votedDpt > dpt) {
            flags.add(new Flag(VOTED_OVER_DPT, "Pemilih DPT yang memilih (" + votedDpt + ") melebihi DPT (" + dpt + ")"));
        }
        if (dpt != null && limits.registeredDpt() > 0 && dpt != limits.registeredDpt()) {
            flags.add(new Flag(DPT_MISMATCH, "DPT pada formulir (" + dpt + ") berbeda dengan DPT terdaftar ("
                    + limits.registeredDpt() + ")"));
        }
    }

    private static void votes(Map<String, Integer> v, BallotStructure ballot, List<Flag> flags) {
        Integer valid = v.get(VOTES_VALID);
        Integer invalid = v.get(VOTES_INVALID);
        Integer total = v.get(VOTES_TOTAL);
        long candidates = 0;
        boolean complete = true;
        for (String key : ballot.voteKeys()) {
            Integer n = v.get(key);
            if (n == null) {
                complete = false;
            } else {
                candidates += n;
            }
        }
        if (complete && valid != null && candidates != valid) {
            flags.add(new Flag(VOTES_SUM, "Jumlah suara " + ballot.description() + " (" + candidates
                    + ") tidak sama dengan suara sah (" + valid + ")"));
        }
        if (valid != null && invalid != null && total != null && valid + invalid != total) {
            flags.add(new Flag(VALID_PLUS_INVALID, "Suara sah + tidak sah (" + (valid + invalid)
                    + ") tidak sama dengan jumlah suara (" + total + ")"));
        }
        Integer voted = v.get("voted.all.total");
        if (total != null && voted != null && !total.equals(voted)) {
            flags.add(new Flag(TOTAL_VS_VOTERS, "Jumlah suara (" + total + ") tidak sama dengan jumlah pengguna hak "
                    + "pilih (" + voted + ")"));
        }
        Integer used = v.get(BALLOTS_USED);
        if (total != null && used != null && !total.equals(used)) {
            flags.add(new Flag(TOTAL_VS_BALLOTS_USED, "Jumlah suara (" + total
                    + ") tidak sama dengan surat suara terpakai (" + used + ")"));
        }
    }

    private static void ballots(Map<String, Integer> v, TpsLimits limits, List<Flag> flags) {
        Integer received = v.get(BALLOTS_RECEIVED);
        Integer accounted = sum(v, BALLOTS_USED, BALLOTS_UNUSED, BALLOTS_DAMAGED);
        if (received != null && accounted != null && !received.equals(accounted)) {
            flags.add(new Flag(BALLOTS_BALANCE, "Surat suara diterima (" + received + ") tidak sama dengan terpakai + "
                    + "tidak terpakai + rusak/dikembalikan (" + accounted + ")"));
        }
        Integer dpt = v.get("dpt.total");
        if (received != null && dpt != null) {
            int expected = limits.expectedBallots(dpt);
            if (Math.abs(received - expected) > limits.reserveTolerance()) {
                flags.add(new Flag(BALLOTS_RESERVE, "Surat suara diterima (" + received + ") jauh dari DPT + "
                        + limits.reservePercent() + "% cadangan (" + expected + ")"));
            }
        }
    }

    private static void ranges(Map<String, Integer> v, TpsLimits limits, List<Flag> flags) {
        List<String> wrong = new ArrayList<>();
        int ballotLimit = limits.expectedBallots(limits.maxVoters()) + limits.reserveTolerance();
        for (Map.Entry<String, Integer> e : v.entrySet()) {
            Integer n = e.getValue();
            if (n == null) {
                continue;
            }
            int limit = e.getKey().startsWith("ballots.") ? ballotLimit : limits.maxVoters();
            if (n < 0 || n > limit) {
                wrong.add(e.getKey() + "=" + n);
            }
        }
        Integer all = v.get("all.total");
        Integer voted = v.get("voted.all.total");
        if (all != null && voted != null && voted > all) {
            wrong.add("voted.all.total=" + voted + " > " + all);
        }
        if (!wrong.isEmpty()) {
            flags.add(new Flag(OUT_OF_RANGE, "Angka di luar batas (0 sampai " + limits.maxVoters()
                    + " pemilih per TPS): " + String.join(", ", wrong)));
        }
    }

    private static Integer sum(Map<String, Integer> v, String... keys) {
        int total = 0;
        for (String key : keys) {
            Integer n = v.get(key);
            if (n == null) {
                return null;
            }
            total += n;
        }
        return total;
    }
}
