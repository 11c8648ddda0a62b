package id.pemilu.desk.report;

import id.pemilu.common.security.Caller;
import id.pemilu.desk.DeskRoles;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ReportController {

    private final ReportService reports;
    private final ReportPhotos photos;

    ReportController(ReportService reports, ReportPhotos photos) {
        this.reports = reports;
        this.photos = photos;
    }

    /** First report of a TPS: 201; a retry with the same Idempotency-Key: 200 (replay); any other second: 409. */
    @PostMapping("/api/desk/reports/{tps}/{contest}")
    @PreAuthorize(DeskRoles.PELAPOR)
    ResponseEntity<ReportView> report(@AuthenticationPrincipal Jwt jwt, @PathVariable String tps,
                                      @PathVariable String contest, @RequestBody(required = false) ReportRequest body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        ReportService.Result result = reports.report(Caller.of(jwt), tps, Contest.parse(contest), body, key);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.view());
    }

    @PostMapping("/api/desk/reports/{tps}/{contest}/corrections")
    @PreAuthorize(DeskRoles.ANY)
    ReportView correct(@AuthenticationPrincipal Jwt jwt, @PathVariable String tps, @PathVariable String contest,
                       @RequestBody(required = false) ReportRequest body,
                       @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return reports.correct(Caller.of(jwt), tps, Contest.parse(contest), body, key);
    }

    @GetMapping("/api/desk/reports/{tps}/{contest}")
    @PreAuthorize(DeskRoles.READ)
    ReportView find(@AuthenticationPrincipal Jwt jwt, @PathVariable String tps, @PathVariable String contest) {
        return reports.find(Caller.of(jwt), tps, Contest.parse(contest));
    }

    /** The reporter's form of one TPS: race, pairs, DPT and ballots for the checks, the report if any. */
    @GetMapping("/api/desk/form/{tps}/{contest}")
    @PreAuthorize(DeskRoles.READ)
    ReportService.FormInfo form(@AuthenticationPrincipal Jwt jwt, @PathVariable String tps,
                                @PathVariable String contest) {
        return reports.form(Caller.of(jwt), tps, Contest.parse(contest));
    }

    @PostMapping(path = "/api/desk/reports/{tps}/{contest}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DeskRoles.PELAPOR)
    ResponseEntity<PhotoRef> photo(@AuthenticationPrincipal Jwt jwt, @PathVariable String tps,
                                   @PathVariable String contest, @RequestParam("photo") MultipartFile photo)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(photos.attach(Caller.of(jwt), tps, Contest.parse(contest), photo.getBytes()));
    }

    @GetMapping("/api/desk/photos/{sha256}")
    @PreAuthorize(DeskRoles.READ)
    ResponseEntity<byte[]> readPhoto(@AuthenticationPrincipal Jwt jwt, @PathVariable String sha256) {
        ReportPhotos.Photo photo = photos.read(Caller.of(jwt), sha256);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("X-Content-Type-Options", "nosniff").body(photo.data());
    }

    @GetMapping("/api/desk/me")
    @PreAuthorize(DeskRoles.READ)
    Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return Map.of("username", caller.username(), "roles", caller.roles(),
                "regionCode", caller.regionCode() == null ? "" : caller.regionCode(), "label", ReportService.LABEL);
    }
}
