package id.pemilu.recap.determination;

import id.pemilu.common.wilayah.RegionCode;
import id.pemilu.recap.dhasil.DHasilReader;
import id.pemilu.recap.dhasil.DHasilReader.ChildTotals;
import id.pemilu.recap.dhasil.DHasilReader.DHasilTotals;
import id.pemilu.recap.registry.TpsRegistry;
import id.pemilu.common.ballot.BallotType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The votes the penetapan uses: the finalized D.Hasil of the tier that decides. A region whose parent (among the
 * regions asked for) has a D.Hasil gets the figures that D.Hasil used for it (its row: the child's D.Hasil with the
 * deciding tier's corrections); a region asked for itself gets its own latest D.Hasil total. A region with neither
 * falls back to the counted live totals, and {@link #source(BallotType, Collection)} says how many regions that was,
 * so a determination published before the recap ended never passes for a legal one.
 */
@Component
class DHasilTallies implements ContestTallies {

    private final DHasilReader dhasil;
    private final LiveTallies live;

    DHasilTallies(DHasilReader dhasil, LiveTallies live) {
        this.dhasil = dhasil;
        this.live = live;
    }

    @Override
    public Map<String, Map<String, Long>> totals(BallotType type, Collection<String> regionCodes) {
        return resolve(type, regionCodes).totals;
    }

    @Override
    public String source() {
        return "D.Hasil yang ditetapkan oleh tingkat yang memutuskan; wilayah yang belum punya D.Hasil: jumlah hasil "
                + "TPS yang dihitung (langsung)";
    }

    @Override
    public String source(BallotType type, Collection<String> regionCodes) {
        Resolved r = resolve(type, regionCodes);
        List<String> docs = r.documents.stream().sorted().toList();
        String used = docs.isEmpty() ? "tidak ada" : String.join(", ", docs.size() > 6 ? docs.subList(0, 6) : docs)
                + (docs.size() > 6 ? " dan " + (docs.size() - 6) + " lainnya" : "");
        if (r.live.isEmpty()) {
            return "D.Hasil yang ditetapkan (" + used + "), untuk " + r.fromDHasil + " wilayah";
        }
        return "SEBAGIAN LANGSUNG: " + r.fromDHasil + " wilayah dari D.Hasil (" + used + "), " + r.live.size()
                + " wilayah belum punya D.Hasil dan memakai jumlah hasil TPS yang dihitung (langsung, belum sah): "
                + String.join(", ", r.live.size() > 6 ? r.live.subList(0, 6) : r.live)
                + (r.live.size() > 6 ? " …" : "");
    }

    private record Resolved(Map<String, Map<String, Long>> totals, int fromDHasil, List<String> live,
                            Set<String> documents) {
    }

    private Resolved resolve(BallotType type, Collection<String> regionCodes) {
        Set<String> asked = new LinkedHashSet<>(regionCodes);
        Map<String, Map<String, Long>> out = new HashMap<>();
        Set<String> documents = new LinkedHashSet<>();
        Map<String, Optional<DHasilTotals>> docs = new HashMap<>();
        for (String code : asked) {
            docs.put(code, dhasil.latest(type, code));
        }
        for (String code : asked) {
            // the deciding tier first: the row the parent's D.Hasil used for this region
            String parent = parentOf(code);
            Optional<DHasilTotals> parentDoc = parent == null ? Optional.empty()
                    : docs.getOrDefault(parent, Optional.empty());
            Optional<ChildTotals> row = parentDoc.flatMap(p -> p.children().stream()
                    .filter(c -> c.code().equals(code)).findFirst());
            if (row.isPresent()) {
                out.put(code, row.get().values());
                documents.add(label(parentDoc.get()));
            } else if (docs.get(code).isPresent()) {
                out.put(code, docs.get(code).get().totals());
                documents.add(label(docs.get(code).get()));
            }
        }
        List<String> missing = new ArrayList<>(asked.stream().filter(c -> !out.containsKey(c)).toList());
        if (!missing.isEmpty()) {
            out.putAll(live.totals(type, missing));
        }
        return new Resolved(out, asked.size() - missing.size(), missing, documents);
    }

    private static String label(DHasilTotals d) {
        return "D.Hasil " + d.regionCode() + " v" + d.version();
    }

    /** The region one tier up; null for the nation and for what is not a region code. */
    private static String parentOf(String code) {
        return RegionCode.isValid(code) ? RegionCode.parentOf(code) : null;
    }
}
