package id.pemilu.recap.determination;

import id.pemilu.common.ballot.BallotType;
import java.util.Collection;
import java.util.Map;

/**
 * Where the penetapan (and the hold-back alert) read the votes of a region: keyed like the C.Hasil form
 * ({@code votes.candidate.<n>}, {@code votes.party.<n>}, {@code votes.party.<n>.candidate.<m>}, {@code votes.valid}).
 * {@link LiveTallies}: the counted live totals (the hold-back alert, which is about the TPS not yet counted);
 * {@link DHasilTallies}: the finalized D.Hasil of the deciding tier (the penetapan).
 */
public interface ContestTallies {

    /** Numbers of each region (absent or empty map: nothing counted there). */
    Map<String, Map<String, Long>> totals(BallotType type, Collection<String> regionCodes);

    /** Says in Bahasa Indonesia which numbers these are; published with every determination. */
    String source();

    /** Says which numbers were used for these regions (e.g. which D.Hasil, which regions live). */
    default String source(BallotType type, Collection<String> regionCodes) {
        return source();
    }

    default Map<String, Long> totals(BallotType type, String regionCode) {
        return totals(type, java.util.List.of(regionCode)).getOrDefault(regionCode, Map.of());
    }
}
