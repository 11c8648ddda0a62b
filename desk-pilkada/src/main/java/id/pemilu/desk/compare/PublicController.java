package id.pemilu.desk.compare;

import id.pemilu.desk.DeskProperties;
import id.pemilu.desk.kpu.KpuPublicApi;
import id.pemilu.desk.progress.RegionRef;
import id.pemilu.desk.progress.Tally;
import id.pemilu.desk.registry.TpsDirectory;
import id.pemilu.desk.report.Contest;
import id.pemilu.desk.report.ReportIndex;
import id.pemilu.desk.report.ReportService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone may read without logging in: the quick totals, always labelled as unofficial, and the comparison
 * with KPU's count. No reporter names. A comparison is kept for {@code public-cache} (5 s) so a crowd costs recap-service little.
 */
@RestController
class PublicController {

    private final ComparisonService comparisons;
    private final Duration keep;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Comparison> recent = new ConcurrentHashMap<>();

    PublicController(ComparisonService comparisons, DeskProperties properties) {
        this.comparisons = comparisons;
        this.keep = properties.publicCache();
    }

    record QuickTotals(String label, RegionRef region, String contest, Tally tally) {
    }

    @GetMapping("/api/desk/public/totals")
    QuickTotals totals(@RequestParam(defaultValue = "31") String region,
                       @RequestParam(defaultValue = "PILKADA_GUBERNUR") String contest) {
        RegionRef ref = RegionRef.of(TpsDirectory.checkRegion(region));
        Contest c = Contest.parse(contest);
        return new QuickTotals(ReportService.LABEL, ref, c.name(), comparisons.quickTally(ref.code(), c));
    }

    @GetMapping("/api/desk/public/comparison")
    Comparison comparison(@RequestParam(defaultValue = "31") String region,
                          @RequestParam(defaultValue = "PILKADA_GUBERNUR") String contest) {
        Contest c = Contest.parse(contest);
        String key = TpsDirectory.checkRegion(region) + "|" + c.name();
        Instant now = clock.instant();
        Comparison kept = recent.get(key);
        if (kept != null && kept.generatedAt().plus(keep).isAfter(now)) {
            return kept;
        }
        if (recent.size() > 5_000) {
            recent.clear();
        }
        Comparison fresh = comparisons.compare(region, c);
        recent.put(key, fresh);
        return fresh;
    }

    @Configuration
    static class Beans {

        @Bean
        ComparisonService comparisonService(TpsDirectory directory, ReportIndex index, KpuPublicApi kpu,
                                            DeskProperties properties) {
            return new ComparisonService(directory, index, kpu, properties, Clock.systemUTC());
        }
    }
}
