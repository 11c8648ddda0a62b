package id.pemilu.recap.submission;

import id.pemilu.common.security.Caller;
import id.pemilu.common.web.ApiProblem;
import id.pemilu.recap.RecapRoles;
import id.pemilu.common.ballot.BallotType;
import id.pemilu.recap.result.Draft;
import id.pemilu.recap.result.Flag;
import id.pemilu.recap.result.IdempotencyKeys;
import id.pemilu.recap.registry.TpsCode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** KPPS officers upload C.Hasil photos and read back the draft reading to confirm. */
@RestController
class SubmissionController {

    private final SubmissionService service;

    SubmissionController(SubmissionService service) {
        this.service = service;
    }

    @PostMapping(path = "/api/recap/tps/{tpsCode}/ballots/{ballotType}/photos", consumes = "multipart/form-data")
    @PreAuthorize(RecapRoles.KPPS)
    ResponseEntity<UploadView> upload(@AuthenticationPrincipal Jwt jwt, @PathVariable String tpsCode,
                                      @PathVariable String ballotType,
                                      @RequestParam(defaultValue = "1") int page,
                                      @RequestParam(required = false) String submissionId,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                      @RequestPart("photo") MultipartFile photo) throws IOException {
        byte[] bytes = readLimited(photo);
        SubmissionService.Uploaded up = service.upload(Caller.of(jwt), new TpsCode(tpsCode),
                BallotType.parse(ballotType), page, submissionId, IdempotencyKeys.check(idempotencyKey), bytes);
        UploadView view = new UploadView(up.submission().getId(), up.photo().page(), up.photo().sha256(),
                "/api/recap/public/photos/" + up.photo().sha256(), up.photo().width(), up.photo().height(), "draft",
                up.submission().getFlags(), up.replay());
        return ResponseEntity.status(up.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }

    @GetMapping("/api/recap/submissions/{submissionId}")
    @PreAuthorize(RecapRoles.ANY_RECAP_ROLE)
    SubmissionView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String submissionId) {
        Submission s = service.get(Caller.of(jwt), submissionId);
        Draft draft = s.draft();
        Map<String, Submission.ReadField> latest = s.latestFields();
        List<DraftField> fields = new ArrayList<>();
        draft.values().forEach((key, value) -> {
            Submission.ReadField f = latest.get(key);
            fields.add(new DraftField(key, value, f == null ? 0 : f.confidence(), f == null || f.needsReview(),
                    draft.disagreeingKeys().contains(key), f == null ? null : f.page(), f == null ? null : f.box(),
                    suggestion(f, value)));
        });
        // fields the reader saw but could not read: empty in the draft, always to be looked at
        latest.forEach((key, f) -> {
            if (!draft.values().containsKey(key)) {
                fields.add(new DraftField(key, null, f.confidence(), true, false, f.page(), f.box(),
                        suggestion(f, null)));
            }
        });
        List<ReadingView> readings = s.getReadings().stream()
                .map(r -> new ReadingView(r.page(), r.sha256(), r.outcome(), r.reason(), r.readAt())).toList();
        return new SubmissionView(s.getId(), s.getTpsCode(), s.getBallotType().name(), "draft", s.getCreatedBy(),
                s.getCreatedAt(), s.getPhotos(), readings, fields, s.getFlags());
    }

    @GetMapping("/api/recap/submissions/{submissionId}/photos/{page}")
    @PreAuthorize(RecapRoles.ANY_RECAP_ROLE)
    ResponseEntity<byte[]> copy(@AuthenticationPrincipal Jwt jwt, @PathVariable String submissionId,
                                @PathVariable int page) {
        PublicPhoto photo = service.submissionPhoto(Caller.of(jwt), submissionId, page)
                .orElseThrow(() -> ApiProblem.notFound("Foto halaman " + page + " tidak ada."));
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .header("X-Photo-Sha256", photo.sha256()).body(photo.bytes());
    }

    @GetMapping("/api/recap/submissions/{submissionId}/photos/{page}/original")
    @PreAuthorize(RecapRoles.REGION_STAFF)
    ResponseEntity<byte[]> original(@AuthenticationPrincipal Jwt jwt, @PathVariable String submissionId,
                                    @PathVariable int page) {
        org.bson.Document photo = service.original(Caller.of(jwt), submissionId, page)
                .orElseThrow(() -> ApiProblem.notFound("Foto halaman " + page + " tidak ada."));
        Object bytes = photo.get("bytes");
        byte[] data = bytes instanceof org.bson.types.Binary binary ? binary.getData() : (byte[]) bytes;
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(
                        photo.getString("contentType")))
                .header("X-Photo-Sha256", photo.getString("sha256")).body(data);
    }

    private static byte[] readLimited(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(64 * 1024 * 1024);
        } catch (IOException e) {
            throw ApiProblem.badRequest("Berkas foto tidak dapat dibaca.");
        }
    }

    record UploadView(String submissionId, int page, String sha256, String publicPhotoUrl, int width, int height,
                      String status, List<Flag> flags, boolean replay) {
    }

    /** The reader's suggestion for a field when it differs from the draft's value (null otherwise). */
    private static Integer suggestion(Submission.ReadField latest, Integer value) {
        return latest == null || latest.suggested() == null || latest.suggested().equals(value) ? null
                : latest.suggested();
    }

    /**
     * {@code page}/{@code box}: the photo page and the rectangle (photo pixels) of the field's digit boxes;
     * {@code suggested}: the reader's value for the field in the most probable reading whose sums close, on a form it
     * read as written (null when there is none or it equals {@code value}); a hint, never counted.
     */
    record DraftField(String key, Integer value, double confidence, boolean needsReview, boolean readingsDisagree,
                      Integer page, Submission.PixelBox box, Integer suggested) {
    }

    record ReadingView(int page, String sha256, String outcome, String reason, Instant readAt) {
    }

    record SubmissionView(String submissionId, String tpsCode, String ballotType, String status, String createdBy,
                          Instant createdAt, List<Submission.SubmittedPhoto> photos, List<ReadingView> readings,
                          List<DraftField> draft, List<Flag> flags) {
    }
}
