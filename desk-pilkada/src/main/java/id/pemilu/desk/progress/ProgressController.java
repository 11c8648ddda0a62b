package id.pemilu.desk.progress;

import id.pemilu.common.security.Caller;
import id.pemilu.desk.DeskRoles;
import id.pemilu.desk.report.Contest;
import id.pemilu.desk.report.DeskAccess;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's live view of its region and the report it sends up the tiers (CSV, JSON, printable PDF). The caller's
 * role ({@code @PreAuthorize}) and region are checked before any other parameter is read (a {@code limit} that is
 * not a number too), so other roles learn nothing of the parameters' rules.
 */
@RestController
class ProgressController {

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/api/desk/progress")
    @PreAuthorize(DeskRoles.READ)
    ProgressService.View progress(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam(required = false) String region,
                                  @RequestParam(defaultValue = "PILKADA_GUBERNUR") String contest,
                                  @RequestParam(defaultValue = "100") String limit) {
        DeskAccess.readerFor(Caller.of(jwt), DeskAccess.requiredRegion(region));
        int rows = limit(limit);
        return progress.progress(region, Contest.parse(contest), rows);
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 0 && limit <= 10_000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("limit harus 0 sampai 10000");
    }

    @GetMapping("/api/desk/export")
    @PreAuthorize(DeskRoles.READ)
    ResponseEntity<?> export(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String region,
                             @RequestParam(defaultValue = "PILKADA_GUBERNUR") String contest,
                             @RequestParam(defaultValue = "csv") String format) {
        DeskAccess.readerFor(Caller.of(jwt), DeskAccess.requiredRegion(region));
        if (!format.equals("csv") && !format.equals("json") && !format.equals("pdf")) {
            throw new IllegalArgumentException("format harus csv, json atau pdf");
        }
        Contest c = Contest.parse(contest);
        ProgressService.View view = progress.progress(region, c, 10_000);
        String file = "desk-pilkada-bukan-data-resmi-" + c.name().toLowerCase() + "-" + view.region().code() + "."
                + format;
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + file);
        return switch (format) {
            case "json" -> ok.contentType(MediaType.APPLICATION_JSON).body(view);
            case "pdf" -> ok.contentType(MediaType.APPLICATION_PDF).body(SummaryPdf.render(view));
            default -> ok.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(ExportCsv.write(view));
        };
    }
}
