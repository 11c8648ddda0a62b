package id.pemilu.candidates.feedback;

import id.pemilu.common.security.Caller;
import id.pemilu.common.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedbackController {

    private final FeedbackService feedback;
    private final ClientAddress clients;

    FeedbackController(FeedbackService feedback, ClientAddress clients) {
        this.feedback = feedback;
        this.clients = clients;
    }

    record ClarificationInput(String text) {
    }

    record PublicSummary(String candidateId, long reports) {
    }

    /** Anonymous: a citizen comments on a DCS candidate (rate-limited per client; identical texts merged). */
    @PostMapping("/api/candidates/public/candidates/{candidateId}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    FeedbackService.Receipt give(@PathVariable String candidateId, @RequestBody FeedbackInput input,
                                 HttpServletRequest request) {
        if (input == null) {
            throw new IllegalArgumentException("Isi tanggapan wajib diisi.");
        }
        return feedback.give(candidateId, input.validated(), clients.of(request));
    }

    /** Anonymous: how many reports a candidate received (the texts are for KPU, Bawaslu and the party). */
    @GetMapping("/api/candidates/public/candidates/{candidateId}/feedback")
    PublicSummary summary(@PathVariable String candidateId) {
        return new PublicSummary(candidateId, feedback.reportsOf(candidateId));
    }

    @GetMapping("/api/candidates/feedback")
    List<Feedback> ofDapil(@RequestParam(required = false) String dapil, @AuthenticationPrincipal Jwt jwt) {
        return feedback.ofDapil(dapil, Caller.of(jwt));
    }

    @PostMapping("/api/candidates/feedback/{feedbackId}/clarification")
    Feedback clarify(@PathVariable String feedbackId, @RequestBody ClarificationInput input,
                     @AuthenticationPrincipal Jwt jwt) {
        return feedback.clarify(feedbackId, input.text(), Caller.of(jwt));
    }
}
