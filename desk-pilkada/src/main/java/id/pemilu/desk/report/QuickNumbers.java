package id.pemilu.desk.report;

import id.pemilu.common.events.C1FieldKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers a reporter copies from a TPS's Pilkada count: votes per candidate pair (in ballot order), valid,
 * invalid and total votes. A missing number is {@code null} (and flagged by the checks).
 */
public record QuickNumbers(List<Integer> candidates, Integer valid, Integer invalid, Integer total) {

    public QuickNumbers {
        if (candidates == null || candidates.isEmpty()) {
            throw new IllegalArgumentException("Suara pasangan calon wajib diisi (candidates).");
        }
        if (candidates.size() > 20) {
            throw new IllegalArgumentException("Terlalu banyak pasangan calon: " + candidates.size());
        }
        candidates = Collections.unmodifiableList(new ArrayList<>(candidates));
    }

    /** The numbers under the keys of the C.Hasil ({@code votes.candidate.<n>}, {@code votes.valid}, ...). */
    public Map<String, Integer> byKey() {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            values.put(C1FieldKeys.candidateVotes(i + 1), candidates.get(i));
        }
        values.put(C1FieldKeys.VOTES_VALID, valid);
        values.put(C1FieldKeys.VOTES_INVALID, invalid);
        values.put(C1FieldKeys.VOTES_TOTAL, total);
        return values;
    }
}
