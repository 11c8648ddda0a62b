package id.pemilu.recap.recommendation;

import id.pemilu.common.security.Caller;
import java.time.Instant;
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

/** Bawaslu recommendations: record (Bawaslu), list and read (Bawaslu, officers in scope), answer (responsible tier). */
@RestController
class RecommendationController {

    private final RecommendationService service;

    RecommendationController(RecommendationService service) {
        this.service = service;
    }

    @PostMapping("/api/recap/recommendations")
    @ResponseStatus(HttpStatus.CREATED)
    View record(@AuthenticationPrincipal Jwt jwt, @RequestBody RecommendationService.NewRecommendation body) {
        return View.of(service.record(Caller.of(jwt), body));
    }

    @GetMapping("/api/recap/recommendations")
    List<View> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String region,
                    @RequestParam(required = false) String status) {
        return service.list(Caller.of(jwt), region, status).stream().map(View::of).toList();
    }

    @GetMapping("/api/recap/recommendations/{id}")
    View get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return View.of(service.get(Caller.of(jwt), id));
    }

    @PostMapping("/api/recap/recommendations/{id}/answer")
    View answer(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                @RequestBody RecommendationService.AnswerCommand body) {
        return View.of(service.answer(Caller.of(jwt), id, body));
    }

    record View(String id, String target, String targetKind, String ballotType, String kind, String kindLabel,
                String reason, String responsibleRegion, String recordedBy, Instant recordedAt, String status,
                Recommendation.Answer answer) {

        static View of(Recommendation r) {
            return new View(r.getId(), r.getTarget(), r.getTargetKind(), r.getBallotType(), r.getKind().name(),
                    r.getKind().label(), r.getReason(), r.getResponsibleRegion(), r.getRecordedBy(),
                    r.getRecordedAt(), r.getStatus(), r.getAnswer());
        }
    }
}
