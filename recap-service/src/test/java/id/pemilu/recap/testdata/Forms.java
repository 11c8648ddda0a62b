package id.pemilu.recap.testdata;

import id.pemilu.common.events.C1FieldKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds internally consistent C.Hasil numbers for tests and the benchmark. */
public final class Forms {

    private Forms() {
    }

    /**
     * A complete, consistent PPWP-style form: DPT men/women, everybody on DPT except {@code abstain} voted, no DPTb or
     * DPK, {@code invalid} invalid votes, the rest split as {@code candidateVotes}.
     */
    public static Map<String, Integer> consistent(int dptMen, int dptWomen, int invalid, int... candidateVotes) {
        int valid = 0;
        for (int n : candidateVotes) {
            valid += n;
        }
        int voted = valid + invalid;
        int dpt = dptMen + dptWomen;
        if (voted > dpt) {
            throw new IllegalArgumentException("more votes than voters");
        }
        int votedMen = Math.min(dptMen, voted / 2);
        int votedWomen = voted - votedMen;
        if (votedWomen > dptWomen) {
            votedMen += votedWomen - dptWomen;
            votedWomen = dptWomen;
        }
        Map<String, Integer> v = new LinkedHashMap<>();
        row(v, "dpt", dptMen, dptWomen);
        row(v, "dptb", 0, 0);
        row(v, "dpk", 0, 0);
        row(v, "all", dptMen, dptWomen);
        row(v, "voted.dpt", votedMen, votedWomen);
        row(v, "voted.dptb", 0, 0);
        row(v, "voted.dpk", 0, 0);
        row(v, "voted.all", votedMen, votedWomen);
        int received = dpt + (dpt * 2 + 99) / 100;
        v.put(C1FieldKeys.BALLOTS_RECEIVED, received);
        v.put(C1FieldKeys.BALLOTS_USED, voted);
        v.put(C1FieldKeys.BALLOTS_DAMAGED, 1);
        v.put(C1FieldKeys.BALLOTS_UNUSED, received - voted - 1);
        for (int i = 0; i < candidateVotes.length; i++) {
            v.put(C1FieldKeys.candidateVotes(i + 1), candidateVotes[i]);
        }
        v.put(C1FieldKeys.VOTES_VALID, valid);
        v.put(C1FieldKeys.VOTES_INVALID, invalid);
        v.put(C1FieldKeys.VOTES_TOTAL, voted);
        return v;
    }

    private static void row(Map<String, Integer> v, String row, int men, int women) {
        v.put(row + ".men", men);
        v.put(row + ".women", women);
        v.put(row + ".total", men + women);
    }

    /** The same numbers as a JSON array of {key, value} objects. */
    public static String json(Map<String, Integer> values) {
        StringBuilder out = new StringBuilder("[");
        values.forEach((k, val) -> out.append(out.length() > 1 ? "," : "")
                .append("{\"key\":\"").append(k).append("\",\"value\":").append(val).append('}'));
        return out.append(']').toString();
    }
}
