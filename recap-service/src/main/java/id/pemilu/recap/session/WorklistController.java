package id.pemilu.recap.session;

import id.pemilu.common.security.Caller;
import id.pemilu.recap.RecapRoles;
import id.pemilu.common.ballot.BallotType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The reconciliation desk's work list of a region (PPK: its TPS; KPU: its child regions). */
@RestController
class WorklistController {

    private final Worklist worklist;

    WorklistController(Worklist worklist) {
        this.worklist = worklist;
    }

    @GetMapping("/api/recap/worklist/{ballotType}/{region}")
    @PreAuthorize(RecapRoles.REGION_STAFF)
    Worklist.View get(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region) {
        return worklist.of(Caller.of(jwt), BallotType.parse(ballotType), region);
    }
}
