package id.pemilu.recap.holdback;

import id.pemilu.recap.determination.ContestInputs;
import id.pemilu.common.ballot.BallotType;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: per contest, can the TPS not yet counted still change the outcome? */
@RestController
class HoldBackController {

    /**
     * An answer is reused for at most this long and only while the national total of the ballot type is unchanged:
     * one computation reads every desa total of the contests' regions.
     */
    static final java.time.Duration REUSE = java.time.Duration.ofSeconds(10);

    private final HoldBackService service;
    private final ContestInputs inputs;
    private final id.pemilu.recap.recap.RecapQueries totals;
    private final java.util.Map<String, HoldBackView> recent = new java.util.concurrent.ConcurrentHashMap<>();

    HoldBackController(HoldBackService service, ContestInputs inputs, id.pemilu.recap.recap.RecapQueries totals) {
        this.service = service;
        this.inputs = inputs;
        this.totals = totals;
    }

    record HoldBackView(String ballotType, String region, Instant generatedAt, String source, String outstanding,
                        List<HoldBackService.ContestHoldBack> contests) {
    }

    @GetMapping("/api/recap/public/holdback")
    HoldBackView holdBack(@RequestParam(defaultValue = "PPWP") String ballotType,
                          @RequestParam(defaultValue = "ID") String region) {
        BallotType type = BallotType.parse(ballotType);
        if (!"ID".equals(region) && id.pemilu.common.wilayah.Wilayah.indonesia().find(region).isEmpty()) {
            throw id.pemilu.common.web.ApiProblem.notFound("Wilayah " + region + " tidak dikenal.");
        }
        String key = type.name() + "|" + region + "|" + totals.find(type.name(), "ID")
                .map(t -> String.valueOf(t.getUpdatedAt())).orElse("-");
        HoldBackView cached = recent.get(key);
        if (cached != null && cached.generatedAt().plus(REUSE).isAfter(Instant.now())) {
            return cached;
        }
        HoldBackView view = new HoldBackView(type.name(), region, Instant.now(), inputs.tallies().source(),
                "TPS yang belum masuk, ditandai atau disengketakan; tiap TPS paling banyak DPT + 2% cadangan "
                        + "(DPTb dan DPK) + toleransi, dan tidak lebih dari batas pemilih per TPS",
                service.contests(type, region));
        if (recent.size() > 1000) {
            recent.clear();
        }
        recent.put(key, view);
        return view;
    }
}
