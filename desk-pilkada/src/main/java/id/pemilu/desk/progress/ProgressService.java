package id.pemilu.desk.progress;

import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.registry.TpsDirectory;
import id.pemilu.desk.report.Contest;
import id.pemilu.desk.report.IndexedReport;
import id.pemilu.desk.report.QuickNumbers;
import id.pemilu.desk.report.ReportIndex;
import id.pemilu.desk.report.ReportService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Real-time progress of a region for the desk: one tier down, the TPS still missing, the flagged and the latest
 * reports. The same view serves every tier up to the national desk: a region that holds several races of the contest
 * (the gubernur races of several provinces, the bupati races of a province) shows progress and valid/invalid/total
 * votes but adds up no pair's votes across races; each child region that is one race shows its pairs.
 */
public class ProgressService {

    private final TpsDirectory directory;
    private final ReportIndex index;
    private final DeskProperties properties;
    private final Clock clock;

    ProgressService(TpsDirectory directory, ReportIndex index, DeskProperties properties, Clock clock) {
        this.directory = directory;
        this.index = index;
        this.properties = properties;
        this.clock = clock;
    }

    /** One row under a region: a child region with its tally, or (under a desa) one TPS with its report. */
    public record Row(RegionRef region, Tally tally, TpsReport tps) {
    }

    /** A TPS's quick report as the desk lists it; {@code status} is {@code belum_masuk} when none came in. */
    public record TpsReport(String tpsCode, String status, String reportedBy, Instant reportedAt, Instant updatedAt,
                            int corrections, QuickNumbers numbers) {
    }

    /**
     * @param races          how many races of the contest the region's TPS vote in (1 inside a province for
     *                       gubernur, inside a kab/kota for bupati/wali kota)
     * @param pairs          candidate pairs of the race, or null when the region holds several races
     * @param raceNote       why no pair's votes are added up, when {@code races > 1}
     * @param flaggedReports reports that failed a check (sent with a reason), newest first, at most {@code limit}
     */
    public record View(String label, RegionRef region, String contest, Instant generatedAt, Tally tally,
                       List<Row> rows, List<String> notReportedTps, boolean notReportedTruncated,
                       List<TpsReport> latestReports, int races, Integer pairs, String raceNote,
                       List<TpsReport> flaggedReports) {
    }

    public View progress(String regionCode, Contest contest, int limit) {
        RegionRef region = RegionRef.of(TpsDirectory.checkRegion(regionCode));
        Collection<String> tps = directory.tpsUnder(region.code());
        Collection<IndexedReport> reports = index.under(region.code(), contest);
        int races = contest.singleRace(region.code()) ? 1
                : (int) tps.stream().map(contest::regionOf).distinct().count();
        boolean single = races <= 1;
        Tally tally = Tally.of(tps.size(), reports, single);
        List<Row> rows = rows(region, contest);
        Map<String, IndexedReport> byTps = reports.stream()
                .collect(Collectors.toMap(IndexedReport::tpsCode, Function.identity()));
        List<String> missing = new ArrayList<>();
        boolean truncated = false;
        for (String code : tps) {
            if (!byTps.containsKey(code)) {
                if (missing.size() == limit) {
                    truncated = true;
                    break;
                }
                missing.add(code);
            }
        }
        List<TpsReport> latest = reports.stream()
                .sorted(Comparator.comparing(IndexedReport::updatedAt).reversed()).limit(20)
                .map(ProgressService::tpsReport).toList();
        List<TpsReport> flagged = reports.stream().filter(r -> !r.counted())
                .sorted(Comparator.comparing(IndexedReport::updatedAt).reversed()).limit(limit)
                .map(ProgressService::tpsReport).toList();
        Integer pairs = !single ? null : contest.singleRace(region.code())
                ? properties.candidatesOf(contest.regionOf(region.code()))
                : tps.stream().findFirst().map(t -> properties.candidatesOf(contest.regionOf(t))).orElse(null);
        String note = single ? null : region.name() + " mencakup " + races + " pemilihan " + contest.title()
                + " yang berbeda: suara pasangan calon tidak dijumlahkan lintas pemilihan, lihat per wilayah di bawah.";
        return new View(ReportService.LABEL, region, contest.name(), clock.instant(), tally, rows, missing, truncated,
                latest, races, pairs, note, flagged);
    }

    private List<Row> rows(RegionRef region, Contest contest) {
        if ("TPS".equals(region.level())) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        if ("DESA".equals(region.level())) {
            for (String code : directory.tpsUnder(region.code())) {
                IndexedReport r = index.find(code, contest).orElse(null);
                rows.add(new Row(RegionRef.of(code), Tally.of(1, r == null ? List.of() : List.of(r)),
                        r == null ? new TpsReport(code, "belum_masuk", null, null, null, 0, null) : tpsReport(r)));
            }
            return rows;
        }
        for (String child : directory.childrenOf(region.code())) {
            rows.add(new Row(RegionRef.of(child),
                    Tally.of(directory.count(child), index.under(child, contest),
                            contest.singleRace(child) || races(child, contest) <= 1), null));
        }
        return rows;
    }

    private int races(String regionCode, Contest contest) {
        return (int) directory.tpsUnder(regionCode).stream().map(contest::regionOf).distinct().count();
    }

    private static TpsReport tpsReport(IndexedReport r) {
        return new TpsReport(r.tpsCode(), r.status(), r.reportedBy(), r.reportedAt(), r.updatedAt(), r.corrections(),
                r.numbers());
    }
}
