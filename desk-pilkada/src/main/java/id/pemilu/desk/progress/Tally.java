package id.pemilu.desk.progress;

import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.desk.report.IndexedReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress and quick totals of a region: how many TPS reported, how many were flagged (failed a check, sent with a
 * reason: summed apart, not in {@code totals}), how many are missing, and when the last report came in. Above one
 * race (the gubernur race of several provinces, the bupati races of a province) the candidate pairs are different
 * people in each race: their votes are not added up ({@link #of(int, Collection, boolean)} with {@code false}).
 */
public record Tally(int tpsTotal, int reported, int counted, int flagged, int notReported, double percentReported,
                    Instant lastReportAt, List<Total> totals, List<Total> flaggedTotals) {

    private static final String CANDIDATE_PREFIX = "votes.candidate.";

    /** One summed number under its C.Hasil key ({@code votes.candidate.1}, {@code votes.valid}, ...). */
    public record Total(String key, long value) {
    }

    public static Tally of(int tpsTotal, Collection<IndexedReport> reports) {
        return of(tpsTotal, reports, true);
    }

    /** @param candidates whether the pairs' votes are summed (only inside one race) */
    public static Tally of(int tpsTotal, Collection<IndexedReport> reports, boolean candidates) {
        int counted = 0;
        int flagged = 0;
        Instant last = null;
        Map<String, Long> sums = new LinkedHashMap<>();
        Map<String, Long> flaggedSums = new LinkedHashMap<>();
        int pairs = 0;
        for (IndexedReport r : reports) {
            pairs = candidates ? Math.max(pairs, r.numbers().candidates().size()) : 0;
        }
        for (int n = 1; n <= pairs; n++) {
            sums.put(C1FieldKeys.candidateVotes(n), 0L);
        }
        for (String key : List.of(C1FieldKeys.VOTES_VALID, C1FieldKeys.VOTES_INVALID, C1FieldKeys.VOTES_TOTAL)) {
            sums.put(key, 0L);
        }
        for (IndexedReport r : reports) {
            if (r.counted()) {
                counted++;
            } else {
                flagged++;
            }
            Map<String, Long> target = r.counted() ? sums : flaggedSums;
            r.numbers().byKey().forEach((k, v) -> {
                if (v != null && (candidates || !k.startsWith(CANDIDATE_PREFIX))) {
                    target.merge(k, v.longValue(), Long::sum);
                }
            });
            if (last == null || r.updatedAt().isAfter(last)) {
                last = r.updatedAt();
            }
        }
        int reported = counted + flagged;
        double percent = tpsTotal == 0 ? 0 : Math.round(reported * 10000.0 / tpsTotal) / 100.0;
        return new Tally(tpsTotal, reported, counted, flagged, tpsTotal - reported, percent, last, list(sums),
                list(flaggedSums));
    }

    public long value(String key) {
        return totals.stream().filter(t -> t.key().equals(key)).mapToLong(Total::value).findFirst().orElse(0);
    }

    private static List<Total> list(Map<String, Long> sums) {
        List<Total> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new Total(k, v)));
        return out;
    }
}
