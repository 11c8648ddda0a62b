package id.pemilu.recap.determination;

import id.pemilu.common.security.Caller;
import id.pemilu.common.web.ApiProblem;
import id.pemilu.recap.RecapRoles;
import id.pemilu.common.ballot.BallotType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Penetapan: KPU RI publishes the determination of a contest with its calculation; anyone reads it. Officers of
 * the recap may preview what the numbers give now. Parameters are optional for the binder so that the role check
 * ({@code @PreAuthorize}) comes first: other roles get 403 whatever they sent, never the rules of the parameters.
 */
@RestController
class DeterminationController {

    private final DeterminationService service;

    DeterminationController(DeterminationService service) {
        this.service = service;
    }

    record PublishRequest(String reason) {
    }

    @PostMapping("/api/recap/determinations")
    @PreAuthorize("hasRole('kpu-ri')")
    ResponseEntity<DeterminationService.Published> publish(@AuthenticationPrincipal Jwt jwt,
                                                           @RequestParam(required = false) String ballotType,
                                                           @RequestParam(defaultValue = "ID") String region,
                                                           @RequestBody(required = false) PublishRequest body) {
        DeterminationService.Published published = service.publish(Caller.of(jwt), BallotType.parse(ballotType),
                region, body == null ? null : body.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(published);
    }

    @GetMapping("/api/recap/determinations/preview")
    @PreAuthorize(RecapRoles.REGION_STAFF)
    Determination preview(@RequestParam(required = false) String ballotType,
                          @RequestParam(defaultValue = "ID") String region) {
        return service.calculate(BallotType.parse(ballotType), region);
    }

    @GetMapping("/api/recap/public/determinations")
    DeterminationService.Published published(@RequestParam String ballotType,
                                             @RequestParam(defaultValue = "ID") String region,
                                             @RequestParam(required = false) Integer version) {
        return service.find(BallotType.parse(ballotType), region, version).orElseThrow(() -> ApiProblem.notFound(
                "Belum ada penetapan " + ballotType.toUpperCase() + " untuk wilayah " + region
                        + (version == null ? "" : " versi " + version) + "."));
    }

    /** The published calculation byte for byte: its SHA-256 is the {@code sha256} of the determination. */
    @GetMapping("/api/recap/public/determinations/calculation")
    ResponseEntity<String> calculation(@RequestParam String ballotType,
                                       @RequestParam(defaultValue = "ID") String region,
                                       @RequestParam(required = false) Integer version) {
        String text = service.calculation(BallotType.parse(ballotType), region, version)
                .orElseThrow(() -> ApiProblem.notFound("Belum ada penetapan " + ballotType.toUpperCase()
                        + " untuk wilayah " + region + "."));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(text);
    }
}
