package id.pemilu.partyregistry.party;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The registration requirements of a party (UU 7/2017 art. 173 as summarised in the issue): offices in every
 * province, in 75 % of the kab/kota of each province and in 50 % of the kecamatan of each kab/kota where it has an
 * office; at least 30 % women in the central leadership; in each kab/kota with an office, at least the minimum
 * number of members (data per kab/kota, 1,000 by default).
 */
public final class Requirements {

    public static final String PROVINCES = "KEPENGURUSAN_PROVINSI_100";
    public static final String KABKOTA = "KEPENGURUSAN_KABKOTA_75";
    public static final String KECAMATAN = "KEPENGURUSAN_KECAMATAN_50";
    public static final String WOMEN = "KETERWAKILAN_PEREMPUAN_30";
    public static final String MEMBERS = "ANGGOTA_PER_KABKOTA";

    private final Wilayah wilayah;

    public Requirements(Wilayah wilayah) {
        this.wilayah = wilayah;
    }

    /**
     * @param memberCounts counted members (not flagged, disputed, removed or TMS) per kab/kota code
     * @param minimums     minimum members of a kab/kota code
     */
    public RequirementsReport evaluate(String partyId, List<Branch> branches, List<Leader> leadership,
                                       Map<String, Long> memberCounts, ToIntFunction<String> minimums) {
        Set<String> codes = branches.stream().map(Branch::regionCode).collect(Collectors.toSet());
        List<RuleResult> rules = List.of(provinces(codes), kabKota(codes), kecamatan(codes), women(leadership),
                members(codes, memberCounts, minimums));
        return new RequirementsReport(partyId, rules.stream().allMatch(RuleResult::met), rules, Instant.now());
    }

    private RuleResult provinces(Set<String> codes) {
        List<Region> all = wilayah.childrenOf(null);
        List<String> missing = all.stream().map(Region::code).filter(c -> !codes.contains(c)).sorted().toList();
        return new RuleResult(PROVINCES, "Kepengurusan di 100% provinsi", missing.isEmpty(),
                all.size() - missing.size(), all.size(), missing);
    }

    private RuleResult kabKota(Set<String> codes) {
        List<String> failing = new ArrayList<>();
        List<Region> provinces = wilayah.childrenOf(null);
        for (Region province : provinces) {
            List<Region> kabKota = wilayah.childrenOf(province.code());
            long have = kabKota.stream().filter(k -> codes.contains(k.code())).count();
            long need = ceilPercent(kabKota.size(), 75);
            if (have < need) {
                failing.add(province.code() + ": " + have + "/" + kabKota.size() + " kab/kota (minimal " + need + ")");
            }
        }
        return new RuleResult(KABKOTA, "Kepengurusan di 75% kab/kota tiap provinsi", failing.isEmpty(),
                provinces.size() - failing.size(), provinces.size(), failing);
    }

    private RuleResult kecamatan(Set<String> codes) {
        List<String> kabKotaBranches = kabKotaBranches(codes);
        List<String> failing = new ArrayList<>();
        for (String kabKota : kabKotaBranches) {
            List<Region> kecamatan = wilayah.childrenOf(kabKota);
            long have = kecamatan.stream().filter(k -> codes.contains(k.code())).count();
            long need = ceilPercent(kecamatan.size(), 50);
            if (have < need) {
                failing.add(kabKota + ": " + have + "/" + kecamatan.size() + " kecamatan (minimal " + need + ")");
            }
        }
        return new RuleResult(KECAMATAN, "Kepengurusan di 50% kecamatan tiap kab/kota yang punya kepengurusan",
                !kabKotaBranches.isEmpty() && failing.isEmpty(), kabKotaBranches.size() - failing.size(),
                kabKotaBranches.size(), failing);
    }

    private static RuleResult women(List<Leader> leadership) {
        long women = leadership.stream().filter(Leader::woman).count();
        long need = ceilPercent(leadership.size(), 30);
        List<String> failing = women >= need ? List.of()
                : List.of(women + " perempuan dari " + leadership.size() + " pengurus pusat (minimal " + need + ")");
        return new RuleResult(WOMEN, "Paling sedikit 30% perempuan di kepengurusan pusat",
                !leadership.isEmpty() && women >= need, women, need, failing);
    }

    private RuleResult members(Set<String> codes, Map<String, Long> counts, ToIntFunction<String> minimums) {
        List<String> kabKotaBranches = kabKotaBranches(codes);
        List<String> failing = new ArrayList<>();
        for (String kabKota : kabKotaBranches) {
            long have = counts.getOrDefault(kabKota, 0L);
            int need = minimums.applyAsInt(kabKota);
            if (have < need) {
                failing.add(kabKota + ": " + have + "/" + need + " anggota");
            }
        }
        return new RuleResult(MEMBERS, "Anggota tiap kab/kota yang punya kepengurusan paling sedikit batas minimal",
                !kabKotaBranches.isEmpty() && failing.isEmpty(), kabKotaBranches.size() - failing.size(),
                kabKotaBranches.size(), failing);
    }

    private List<String> kabKotaBranches(Set<String> codes) {
        return codes.stream().filter(c -> RegionLevel.ofCode(c) == RegionLevel.KABKOTA).sorted().toList();
    }

    /** Smallest whole number that is at least {@code percent} % of {@code total}. */
    static long ceilPercent(long total, int percent) {
        return (total * percent + 99) / 100;
    }
}
