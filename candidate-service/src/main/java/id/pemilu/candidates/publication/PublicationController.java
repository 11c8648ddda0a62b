package id.pemilu.candidates.publication;

import id.pemilu.common.security.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** KPU publishes the DCS and finalizes the DCT of a dapil. */
@RestController
@RequestMapping("/api/dapil/{dapilCode}")
class PublicationController {

    private final PublicationService publication;

    PublicationController(PublicationService publication) {
        this.publication = publication;
    }

    @PostMapping("/dcs")
    PublicBallot publishDcs(@PathVariable String dapilCode, @AuthenticationPrincipal Jwt jwt) {
        return publication.publishDcs(dapilCode, Caller.of(jwt));
    }

    @PostMapping("/dct")
    PublicBallot finalizeDct(@PathVariable String dapilCode, @AuthenticationPrincipal Jwt jwt) {
        return publication.finalizeDct(dapilCode, Caller.of(jwt));
    }

    record ReopenInput(String reason) {
    }

    /** KPU RI only: reopens a final DCT with a reason; the next finalization sends version n+1. */
    @PostMapping("/dct/reopen")
    PublicBallot reopenDct(@PathVariable String dapilCode, @RequestBody ReopenInput input,
                           @AuthenticationPrincipal Jwt jwt) {
        return publication.reopenDct(dapilCode, input == null ? null : input.reason(), Caller.of(jwt));
    }
}
