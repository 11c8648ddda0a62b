package id.pemilu.recap.session;

import id.pemilu.common.security.Caller;
import id.pemilu.recap.RecapRoles;
import id.pemilu.recap.dhasil.DHasil;
import id.pemilu.common.ballot.BallotType;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Officers', Bawaslu's and witnesses' API of a recap session ({@code region}: kecamatan, kab/kota, provinsi, ID). */
@RestController
@RequestMapping("/api/recap/sessions/{ballotType}/{region}")
@PreAuthorize(RecapRoles.SESSION_ROLES)
class SessionController {

    private final SessionService service;

    SessionController(SessionService service) {
        this.service = service;
    }

    @GetMapping
    SessionView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region) {
        return SessionView.of(service.get(Caller.of(jwt), BallotType.parse(ballotType), region));
    }

    @GetMapping("/readiness")
    SessionService.Readiness readiness(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType,
                                       @PathVariable String region) {
        return service.readiness(Caller.of(jwt), BallotType.parse(ballotType), region);
    }

    @PostMapping("/decisions")
    SessionView decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region,
                       @RequestBody Commands.Decide command) {
        return SessionView.of(service.decide(Caller.of(jwt), BallotType.parse(ballotType), region, command));
    }

    @PostMapping("/open")
    SessionView open(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region) {
        return SessionView.of(service.open(Caller.of(jwt), BallotType.parse(ballotType), region));
    }

    @PostMapping("/tps/{tpsCode}/verify")
    SessionView verify(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region,
                       @PathVariable String tpsCode, @RequestBody Commands.Verify command) {
        return SessionView.of(service.verify(Caller.of(jwt), BallotType.parse(ballotType), region, tpsCode, command));
    }

    @PostMapping("/corrections")
    SessionView correct(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region,
                        @RequestBody Commands.Correct command) {
        return SessionView.of(service.correct(Caller.of(jwt), BallotType.parse(ballotType), region, command));
    }

    @PostMapping("/objections")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView object(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region,
                       @RequestBody Commands.FileObjection command) {
        return SessionView.of(service.object(Caller.of(jwt), BallotType.parse(ballotType), region, command));
    }

    @PostMapping("/objections/{objectionId}/answer")
    SessionView answer(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region,
                       @PathVariable String objectionId, @RequestBody Commands.Answer command) {
        return SessionView.of(service.answer(Caller.of(jwt), BallotType.parse(ballotType), region, objectionId,
                command));
    }

    @PostMapping("/events")
    SessionView event(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region,
                      @RequestBody Commands.Event command) {
        return SessionView.of(service.recordEvent(Caller.of(jwt), BallotType.parse(ballotType), region, command));
    }

    @PostMapping("/finalize")
    Finalized finalizeSession(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType,
                              @PathVariable String region) {
        DHasil d = service.finalizeSession(Caller.of(jwt), BallotType.parse(ballotType), region);
        String url = service.documentUrl(d.getBallotType(), d.getRegionCode(), d.getVersion());
        return new Finalized(d.getRegionCode(), d.getBallotType(), d.getVersion(), d.getSha256(), d.getKeyId(),
                d.isDevKey(), d.getFinalizedAt(), url, url + "/pdf", url + "/verify");
    }

    @PostMapping("/reopen")
    SessionView reopen(@AuthenticationPrincipal Jwt jwt, @PathVariable String ballotType, @PathVariable String region,
                       @RequestBody Commands.Reopen command) {
        return SessionView.of(service.reopen(Caller.of(jwt), BallotType.parse(ballotType), region, command));
    }

    record Finalized(String regionCode, String ballotType, int version, String sha256, String keyId, boolean devKey,
                     Instant finalizedAt, String documentUrl, String pdfUrl, String verifyUrl) {
    }

    record SessionView(String regionCode, String regionName, String tier, String ballotType, String status,
                       int version, int finalizedVersion, String openedBy, Instant openedAt,
                       List<RecapSession.TpsDecision> decisions, List<RecapSession.Verification> verifications,
                       List<RecapSession.Correction> corrections, List<RecapSession.Objection> objections,
                       List<RecapSession.SpecialEvent> events, List<RecapSession.SessionLogEntry> log) {

        static SessionView of(RecapSession s) {
            return new SessionView(s.getRegionCode(), s.getRegionName(), s.getTier().name(), s.getBallotType(),
                    s.getStatus().wire(), s.getVersion(), s.getFinalizedVersion(), s.getOpenedBy(), s.getOpenedAt(),
                    s.getDecisions(), s.getVerifications(), s.getCorrections(), s.getObjections(), s.getEvents(),
                    s.getLog());
        }
    }
}
