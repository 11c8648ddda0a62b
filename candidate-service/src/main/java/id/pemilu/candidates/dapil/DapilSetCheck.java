package id.pemilu.candidates.dapil;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a set of dapil of one body partitions its area exactly: every region code exists and lies inside the
 * area, no region is in two dapil (also not a region and one of its parts), and no part of the area is left out.
 */
public final class DapilSetCheck {

    private static final int MAX_REPORTED_GAPS = 20;

    private DapilSetCheck() {
    }

    /** The problems found, in Bahasa Indonesia; empty when the set is a valid partition of the area. */
    public static List<String> problems(ElectoralBody body, String areaCode, List<DapilDefinition> dapil,
                                        Wilayah wilayah) {
        List<String> problems = new ArrayList<>();
        Optional<Region> area = wilayah.find(areaCode);
        if (area.isEmpty() || area.get().level() != body.areaLevel()) {
            problems.add("Wilayah induk " + areaCode + " bukan " + body.areaLevel().name().toLowerCase()
                    + " yang dikenal (untuk " + body + ").");
            return problems;
        }
        Map<String, String> owner = new HashMap<>();
        Set<String> dapilCodes = new HashSet<>();
        for (DapilDefinition d : dapil) {
            if (d.body() != body || !d.areaCode().equals(areaCode)) {
                problems.add("Dapil " + d.code() + " bukan milik " + body + " wilayah " + areaCode + ".");
            }
            if (!dapilCodes.add(d.code())) {
                problems.add("Kode dapil " + d.code() + " dipakai dua kali.");
            }
            for (String code : d.regionCodes()) {
                if (wilayah.find(code).isEmpty()) {
                    problems.add("Dapil " + d.code() + ": kode wilayah " + code + " tidak dikenal.");
                } else if (!code.equals(areaCode) && !code.startsWith(areaCode + ".")) {
                    problems.add("Dapil " + d.code() + ": wilayah " + code + " di luar wilayah " + areaCode + ".");
                } else {
                    String previous = owner.putIfAbsent(code, d.code());
                    if (previous != null) {
                        problems.add("Wilayah " + code + " tumpang tindih: ada di dapil " + previous + " dan "
                                + d.code() + ".");
                    }
                }
            }
        }
        for (Map.Entry<String, String> entry : owner.entrySet()) {
            Region region = wilayah.get(entry.getKey());
            for (String parent = region.parentCode(); parent != null;
                 parent = wilayah.find(parent).map(Region::parentCode).orElse(null)) {
                if (owner.containsKey(parent)) {
                    problems.add("Wilayah " + entry.getKey() + " (dapil " + entry.getValue()
                            + ") tumpang tindih dengan wilayah induknya " + parent + " (dapil " + owner.get(parent)
                            + ").");
                }
            }
        }
        List<String> gaps = new ArrayList<>();
        collectGaps(area.get(), owner.keySet(), wilayah, gaps);
        for (int i = 0; i < Math.min(gaps.size(), MAX_REPORTED_GAPS); i++) {
            Region gap = wilayah.get(gaps.get(i));
            problems.add("Wilayah " + gap.code() + " (" + gap.name() + ") belum masuk dapil mana pun.");
        }
        if (gaps.size() > MAX_REPORTED_GAPS) {
            problems.add("... dan " + (gaps.size() - MAX_REPORTED_GAPS) + " wilayah lain belum masuk dapil.");
        }
        return problems;
    }

    private static void collectGaps(Region region, Set<String> listed, Wilayah wilayah, List<String> gaps) {
        if (listed.contains(region.code())) {
            return;
        }
        List<Region> children = wilayah.childrenOf(region.code());
        boolean anyListedBelow = region.level() != RegionLevel.DESA
                && listed.stream().anyMatch(code -> code.startsWith(region.code() + "."));
        if (children.isEmpty() || !anyListedBelow) {
            gaps.add(region.code());
            return;
        }
        for (Region child : children) {
            collectGaps(child, listed, wilayah, gaps);
        }
    }
}
