package id.pemilu.recap.result;

import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.common.security.Caller;
import id.pemilu.recap.RecapRoles;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark only (test classpath, registered by BenchServer when {@code BENCH_FLOOR=1}): a confirmation that goes
 * through everything the real one does on the way in and out (Tomcat, Spring Security with the JWT, the method
 * security check, the handler lookup, Jackson reading the ~45 values and writing the same answer) and stores nothing.
 * Its rate is the ceiling of the HTTP path on this machine, with the same client (issue 22 §1).
 */
@RestController
class FloorController {

    @PostMapping("/api/recap/bench-floor/tps/{tpsCode}/ballots/{ballotType}/confirm")
    @PreAuthorize(RecapRoles.KPPS)
    ResultController.ResultView confirm(@AuthenticationPrincipal Jwt jwt, @PathVariable String tpsCode,
                                        @PathVariable String ballotType,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @RequestBody ConfirmCommand command) {
        Caller caller = Caller.of(jwt);
        TpsCode tps = new TpsCode(tpsCode);
        BallotType type = BallotType.parse(ballotType);
        IdempotencyKeys.check(key);
        return new ResultController.ResultView(tps.value(), type.name(), "confirmed", 1, command.values(), List.of(),
                "manual", command.submissionId(), List.of(), caller.username(), Instant.now(), command.reason(), null);
    }
}
