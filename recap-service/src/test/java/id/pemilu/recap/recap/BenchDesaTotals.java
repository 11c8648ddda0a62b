package id.pemilu.recap.recap;

import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultStatus;
import java.util.List;

/**
 * Benchmark helper (test classpath only): the desa total exactly as the recap applier leaves it after applying
 * version 1 of each of its TPS results (entries with version, status and numbers; sums), built directly so a national
 * benchmark can store 83,762 of them in bulk instead of applying 823,228 results one by one.
 */
public final class BenchDesaTotals {

    private BenchDesaTotals() {
    }

    public static RegionTotal desa(String ballotType, String desaCode, List<String> tpsCodes,
                                   List<List<FieldValue>> values) {
        RegionTotal total = RegionTotal.empty(ballotType, desaCode);
        for (int i = 0; i < tpsCodes.size(); i++) {
            total.offer(Entry.of(tpsCodes.get(i), 1, ResultStatus.SUBMITTED, values.get(i)));
        }
        total.take(total.tallyEntries(), false);
        total.setOutbox(null);
        return total;
    }
}
