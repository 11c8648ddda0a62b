package id.pemilu.recap.determination;

import id.pemilu.recap.recap.RecapQueries;
import id.pemilu.recap.recap.RegionTotal;
import id.pemilu.recap.recap.Total;
import id.pemilu.common.ballot.BallotType;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The counted live totals (submitted, verified and corrected TPS results; flagged ones are not counted): what the
 * hold-back alert reads, and the penetapan's fallback for a region without a D.Hasil ({@link DHasilTallies}).
 */
@Component
@org.springframework.context.annotation.Primary
class LiveTallies implements ContestTallies {

    private final RecapQueries queries;

    LiveTallies(RecapQueries queries) {
        this.queries = queries;
    }

    @Override
    public Map<String, Map<String, Long>> totals(BallotType type, Collection<String> regionCodes) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        for (RegionTotal total : queries.findAll(type.name(), regionCodes)) {
            Map<String, Long> values = new HashMap<>();
            for (Total t : total.getCounted()) {
                values.put(t.key(), t.value());
            }
            out.put(total.getRegionCode(), values);
        }
        return out;
    }

    @Override
    public String source() {
        return "jumlah hasil TPS yang dihitung (langsung, belum D.Hasil)";
    }
}
