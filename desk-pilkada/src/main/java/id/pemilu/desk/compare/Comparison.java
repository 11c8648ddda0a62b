package id.pemilu.desk.compare;

import id.pemilu.desk.progress.RegionRef;
import id.pemilu.desk.progress.Tally;
import java.time.Instant;
import java.util.List;

/**
 * The desk's quick totals beside KPU's counted totals for the same region, with the difference (desk − KPU) per
 * candidate pair, over the whole region and over only the TPS both have, and per TPS where both exist.
 */
public record Comparison(String label, RegionRef region, String contest, Instant generatedAt, Desk desk, Kpu kpu,
                         List<Pair> pairs, SameTps sameTps, List<TpsDifference> perTps, String perTpsNote) {

    public static final String KPU_LABEL = "Hasil hitung KPU (Sirekap) — hanya hasil yang dihitung";

    /** The desk side: progress and quick totals (no reporter names in public). */
    public record Desk(String label, int tpsTotal, int reported, int counted, int flagged, double percentReported,
                       Instant lastReportAt, List<Tally.Total> totals) {
    }

    /** KPU's side as recap-service publishes it; {@code available=false} with a message when it cannot be read. */
    public record Kpu(String label, boolean available, String message, int countedTps, int flaggedTps,
                      List<Tally.Total> totals, String updatedAt) {
    }

    /** One candidate pair (or valid/invalid/total row): desk, KPU and desk − KPU. */
    public record Pair(String key, String name, long desk, Long kpu, Long difference) {
    }

    /** Sums over only the TPS that both the desk and KPU have counted: a like-for-like difference. */
    public record SameTps(int tps, List<Pair> pairs) {
    }

    public record TpsDifference(String tpsCode, List<Pair> pairs, long largestDifference, boolean large) {
    }
}
