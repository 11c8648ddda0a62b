package id.pemilu.desk.compare;

import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.kpu.KpuPublicApi;
import id.pemilu.desk.progress.RegionRef;
import id.pemilu.desk.progress.Tally;
import id.pemilu.desk.registry.TpsDirectory;
import id.pemilu.desk.report.Contest;
import id.pemilu.desk.report.IndexedReport;
import id.pemilu.desk.report.ReportIndex;
import id.pemilu.desk.report.ReportService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

/**
 * Sets the desk's quick numbers beside KPU's count. KPU's side is read from recap-service's public API (what any
 * citizen reads); nothing flows the other way. Only counted reports on both sides are compared: a flagged quick
 * report and a flagged or not-yet-counted KPU result are left out.
 */
public class ComparisonService {

    private static final Logger log = LoggerFactory.getLogger(ComparisonService.class);

    private final TpsDirectory directory;
    private final ReportIndex index;
    private final KpuPublicApi kpu;
    private final DeskProperties properties;
    private final Clock clock;

    ComparisonService(TpsDirectory directory, ReportIndex index, KpuPublicApi kpu, DeskProperties properties,
                      Clock clock) {
        this.directory = directory;
        this.index = index;
        this.kpu = kpu;
        this.properties = properties;
        this.clock = clock;
    }

    public Tally quickTally(String regionCode, Contest contest) {
        return Tally.of(directory.count(regionCode), index.under(regionCode, contest), contest.singleRace(regionCode));
    }

    public Comparison compare(String regionCode, Contest contest) {
        RegionRef region = RegionRef.of(TpsDirectory.checkRegion(regionCode));
        Tally quick = quickTally(region.code(), contest);
        Comparison.Desk desk = new Comparison.Desk(ReportService.LABEL, quick.tpsTotal(), quick.reported(),
                quick.counted(), quick.flagged(), quick.percentReported(), quick.lastReportAt(), quick.totals());
        Comparison.Kpu official;
        KpuPublicApi.Totals totals = null;
        try {
            totals = kpu.totals(region.code(), contest.name());
            official = new Comparison.Kpu(Comparison.KPU_LABEL, true, null, totals.countedTps(), totals.flaggedTps(),
                    totals.values().entrySet().stream().filter(e -> e.getKey().startsWith("votes."))
                            .map(e -> new Tally.Total(e.getKey(), e.getValue())).toList(), totals.updatedAt());
        } catch (RestClientException e) {
            log.warn("KPU totals of {} not readable: {}", region.code(), e.getMessage());
            official = new Comparison.Kpu(Comparison.KPU_LABEL, false,
                    "Hasil KPU tidak dapat dibaca dari Sirekap saat ini; coba lagi nanti.", 0, 0, List.of(), null);
        }
        // above one race the pairs are different people in each race: only valid/invalid/total are compared
        Set<String> keys = keys(quick.totals(), totals == null || !contest.singleRace(region.code()) ? Map.of()
                : totals.values());
        List<Comparison.Pair> pairs = new ArrayList<>();
        for (String key : keys) {
            long d = quick.value(key);
            Long k = totals == null ? null : totals.values().getOrDefault(key, 0L);
            pairs.add(new Comparison.Pair(key, name(key), d, k, k == null ? null : d - k));
        }
        Comparison.SameTps same = null;
        List<Comparison.TpsDifference> perTps = List.of();
        String note;
        List<String> desa = desaUnder(region.code());
        if (totals == null) {
            note = "Perbandingan per TPS tidak tersedia: hasil KPU tidak dapat dibaca.";
        } else if (desa.size() > properties.compareMaxDesa()) {
            note = "Perbandingan per TPS dibuat untuk wilayah sampai " + properties.compareMaxDesa()
                    + " desa/kelurahan (" + region.name() + " punya " + desa.size() + "); pilih wilayah yang lebih kecil.";
        } else {
            try {
                PerTps result = perTps(region.code(), desa, contest, keys);
                same = result.same();
                perTps = result.rows();
                note = null;
            } catch (RestClientException e) {
                note = "Perbandingan per TPS tidak tersedia: hasil KPU per desa tidak dapat dibaca.";
            }
        }
        return new Comparison(ReportService.LABEL, region, contest.name(), clock.instant(), desk, official, pairs,
                same, perTps, note);
    }

    private record PerTps(Comparison.SameTps same, List<Comparison.TpsDifference> rows) {
    }

    private PerTps perTps(String regionCode, List<String> desaCodes, Contest contest, Set<String> keys) {
        Map<String, Long> deskSums = new LinkedHashMap<>();
        Map<String, Long> kpuSums = new LinkedHashMap<>();
        keys.forEach(k -> {
            deskSums.put(k, 0L);
            kpuSums.put(k, 0L);
        });
        int both = 0;
        List<Comparison.TpsDifference> rows = new ArrayList<>();
        for (String desa : desaCodes) {
            for (KpuPublicApi.Row row : kpu.download(desa, contest.name())) {
                if (row.countedTps() != 1 || !TpsDirectory.inRegion(row.code(), regionCode)
                        && !row.code().equals(regionCode)) {
                    continue;
                }
                IndexedReport quick = index.find(row.code(), contest).orElse(null);
                if (quick == null || !quick.counted()) {
                    continue;
                }
                both++;
                Map<String, Integer> quickValues = quick.numbers().byKey();
                List<Comparison.Pair> pairs = new ArrayList<>();
                long largest = 0;
                for (String key : keys) {
                    long d = quickValues.getOrDefault(key, 0) == null ? 0 : quickValues.getOrDefault(key, 0);
                    long k = row.values().getOrDefault(key, 0L);
                    deskSums.merge(key, d, Long::sum);
                    kpuSums.merge(key, k, Long::sum);
                    pairs.add(new Comparison.Pair(key, name(key), d, k, d - k));
                    if (key.startsWith("votes.candidate.")) {
                        largest = Math.max(largest, Math.abs(d - k));
                    }
                }
                rows.add(new Comparison.TpsDifference(row.code(), pairs, largest,
                        largest >= properties.differenceAlert()));
            }
        }
        rows.sort(Comparator.comparingLong(Comparison.TpsDifference::largestDifference).reversed()
                .thenComparing(Comparison.TpsDifference::tpsCode));
        List<Comparison.Pair> samePairs = new ArrayList<>();
        for (String key : keys) {
            long d = deskSums.get(key);
            long k = kpuSums.get(key);
            samePairs.add(new Comparison.Pair(key, name(key), d, k, d - k));
        }
        return new PerTps(new Comparison.SameTps(both, samePairs), rows);
    }

    private List<String> desaUnder(String regionCode) {
        Set<String> desa = new LinkedHashSet<>();
        for (String tps : directory.tpsUnder(regionCode)) {
            desa.add(TpsDirectory.desaOf(tps));
        }
        return List.copyOf(desa);
    }

    /** Candidate pairs (in number order) then valid, invalid, total: every key either side has. */
    private static Set<String> keys(List<Tally.Total> quick, Map<String, Long> official) {
        int pairs = 0;
        for (Tally.Total t : quick) {
            pairs = Math.max(pairs, pairNumber(t.key()));
        }
        for (String key : official.keySet()) {
            pairs = Math.max(pairs, pairNumber(key));
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int n = 1; n <= pairs; n++) {
            keys.add(C1FieldKeys.candidateVotes(n));
        }
        keys.add(C1FieldKeys.VOTES_VALID);
        keys.add(C1FieldKeys.VOTES_INVALID);
        keys.add(C1FieldKeys.VOTES_TOTAL);
        return keys;
    }

    private static int pairNumber(String key) {
        if (!key.startsWith("votes.candidate.")) {
            return 0;
        }
        try {
            return Integer.parseInt(key.substring("votes.candidate.".length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String name(String key) {
        if (key.startsWith("votes.candidate.")) {
            return "Pasangan calon " + key.substring("votes.candidate.".length());
        }
        return switch (key) {
            case "votes.valid" -> "Suara sah";
            case "votes.invalid" -> "Suara tidak sah";
            case "votes.total" -> "Jumlah suara";
            default -> key;
        };
    }
}
