package id.pemilu.recap.holdback;

import id.pemilu.recap.determination.ContestInputs;
import id.pemilu.recap.result.BallotType;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: per contest, can the TPS not yet counted still change the outcome? */
@RestController
class HoldBackController {

    private final HoldBackService service;
    private final ContestInputs inputs;

    HoldBackController(HoldBackService service, ContestInputs inputs) {
        this.service = service;
        this.inputs = inputs;
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
        return new HoldBackView(type.name(), region, Instant.now(), inputs.tallies().source(),
                "TPS yang belum masuk, ditandai atau disengketakan; tiap TPS paling banyak DPT + 2% cadangan "
                        + "(DPTb dan DPK) + toleransi, dan tidak lebih dari batas pemilih per TPS",
                service.contests(type, region));
    }
}
