package id.pemilu.candidates.nomination;

import id.pemilu.common.security.Caller;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Candidate lists: party operators nominate and submit, KPU verifies. */
@RestController
@RequestMapping("/api/candidates/lists")
class NominationController {

    private final NominationService nominations;

    NominationController(NominationService nominations) {
        this.nominations = nominations;
    }

    /** @param reason required after the DCS was published (each change is logged with who and why) */
    record ListInput(List<CandidateInput> candidates, String reason) {
    }

    record VerificationInput(List<VerdictInput> verdicts) {
    }

    @GetMapping
    List<CandidateListView> ofDapil(@RequestParam String dapil, @AuthenticationPrincipal Jwt jwt) {
        return nominations.ofDapil(dapil, Caller.of(jwt));
    }

    @GetMapping("/{dapilCode}/{partyId}")
    CandidateListView one(@PathVariable String dapilCode, @PathVariable String partyId,
                          @AuthenticationPrincipal Jwt jwt) {
        return nominations.view(dapilCode, partyId, Caller.of(jwt));
    }

    @PutMapping("/{dapilCode}/{partyId}")
    CandidateListView save(@PathVariable String dapilCode, @PathVariable String partyId, @RequestBody ListInput input,
                           @AuthenticationPrincipal Jwt jwt) {
        return nominations.save(dapilCode, partyId, input.candidates(), input.reason(), Caller.of(jwt));
    }

    /** @param position 1-based position in the target list; null = at the end */
    record MoveInput(String candidateId, String toDapil, Integer position, String reason) {
    }

    /** After the DCS: moves one candidate to the party's list in another dapil (same body), with a reason. */
    @PostMapping("/{dapilCode}/{partyId}/move")
    CandidateListView move(@PathVariable String dapilCode, @PathVariable String partyId, @RequestBody MoveInput input,
                           @AuthenticationPrincipal Jwt jwt) {
        return nominations.move(dapilCode, partyId, input.candidateId(), input.toDapil(), input.position(),
                input.reason(), Caller.of(jwt));
    }

    @PostMapping("/{dapilCode}/{partyId}/submit")
    CandidateListView submit(@PathVariable String dapilCode, @PathVariable String partyId,
                             @AuthenticationPrincipal Jwt jwt) {
        return nominations.submit(dapilCode, partyId, Caller.of(jwt));
    }

    @PostMapping("/{dapilCode}/{partyId}/verification")
    CandidateListView verify(@PathVariable String dapilCode, @PathVariable String partyId,
                             @RequestBody VerificationInput input, @AuthenticationPrincipal Jwt jwt) {
        return nominations.verify(dapilCode, partyId, input.verdicts(), Caller.of(jwt));
    }
}
