package id.pemilu.recap.result;

import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.common.security.Caller;
import id.pemilu.common.web.ApiProblem;
import id.pemilu.recap.RecapRoles;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Officers' API for one TPS result: read it, confirm it (KPPS), verify or correct it (PPK/KPU). */
@RestController
@RequestMapping("/api/recap/tps/{tpsCode}/ballots/{ballotType}")
class ResultController {

    private final ResultService service;
    private final TpsAccess access;

    ResultController(ResultService service, TpsAccess access) {
        this.service = service;
        this.access = access;
    }

    @GetMapping
    @PreAuthorize(RecapRoles.ANY_RECAP_ROLE)
    ResultView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String tpsCode, @PathVariable String ballotType) {
        TpsCode tps = new TpsCode(tpsCode);
        BallotType type = BallotType.parse(ballotType);
        access.requireCanRead(Caller.of(jwt), tps);
        return service.find(tps, type).map(ResultView::of)
                .orElseThrow(() -> ApiProblem.notFound("Belum ada hasil yang dikonfirmasi untuk TPS " + tps + "."));
    }

    @PostMapping("/confirm")
    @PreAuthorize(RecapRoles.KPPS)
    ResultView confirm(@AuthenticationPrincipal Jwt jwt, @PathVariable String tpsCode, @PathVariable String ballotType,
                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                       @RequestBody ConfirmCommand command) {
        return ResultView.withoutHistory(confirm(service, jwt, tpsCode, ballotType, idempotencyKey, command));
    }

    /** A confirmation as both ways in run it: this controller and its lean path ({@link ConfirmFastPath}). */
    static TpsResult confirm(ResultService service, Jwt jwt, String tpsCode, String ballotType, String idempotencyKey,
                             ConfirmCommand command) {
        return service.confirm(Caller.of(jwt), new TpsCode(tpsCode), BallotType.parse(ballotType), command,
                IdempotencyKeys.check(idempotencyKey));
    }

    @PostMapping("/review")
    @PreAuthorize(RecapRoles.REGION_STAFF)
    ResultView review(@AuthenticationPrincipal Jwt jwt, @PathVariable String tpsCode, @PathVariable String ballotType,
                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                      @RequestBody ReviewCommand command) {
        return ResultView.of(service.review(Caller.of(jwt), new TpsCode(tpsCode), BallotType.parse(ballotType),
                command, IdempotencyKeys.check(idempotencyKey)));
    }

    /** A result; {@code history} is left out of a confirmation's answer (the phone does not need it; GET has it). */
    record ResultView(String tpsCode, String ballotType, String status, long resultVersion, List<FieldValue> values,
                      List<Flag> flags, String source, String submissionId, List<PhotoRef> photos, String updatedBy,
                      Instant updatedAt, String reason,
                      @com.fasterxml.jackson.annotation.JsonInclude(
                              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) List<Change> history) {

        static ResultView of(TpsResult r) {
            return new ResultView(r.getTpsCode(), r.getBallotType().name(), r.getStatus().wire(),
                    r.getResultVersion(), r.getValues(), r.getFlags(), r.getSource(), r.getSubmissionId(),
                    r.getPhotos(), r.getUpdatedBy(), r.getUpdatedAt(), r.getReason(), r.getHistory());
        }

        /**
         * The answer to a confirmation: the result as recorded, without repeating every earlier version (about a
         * third of a first confirmation's answer and of the JSON work on the request thread, issue 22).
         */
        static ResultView withoutHistory(TpsResult r) {
            return new ResultView(r.getTpsCode(), r.getBallotType().name(), r.getStatus().wire(),
                    r.getResultVersion(), r.getValues(), r.getFlags(), r.getSource(), r.getSubmissionId(),
                    r.getPhotos(), r.getUpdatedBy(), r.getUpdatedAt(), r.getReason(), null);
        }
    }
}
