package id.pemilu.desk.report;

import id.pemilu.common.security.Caller;
import id.pemilu.common.web.ApiProblem;
import id.pemilu.desk.DeskRoles;
import id.pemilu.desk.registry.TpsDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk manages its reporters: who reported how many TPS and when last, and stopping (or letting again) a
 * reporter for the desk's region. Accounts and their region scope are managed in Keycloak.
 */
@RestController
class ReporterController {

    private final ReportIndex index;
    private final Reporters reporters;
    private final Clock clock = Clock.systemUTC();

    ReporterController(ReportIndex index, Reporters reporters) {
        this.index = index;
        this.reporters = reporters;
    }

    record ReporterRow(String username, int reports, int flagged, Instant lastReportAt, boolean blocked,
                       String blockedReason) {
    }

    record BlockRequest(String reason) {
    }

    @GetMapping("/api/desk/reporters")
    @PreAuthorize(DeskRoles.DESK)
    List<ReporterRow> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String region,
                           @RequestParam(defaultValue = "PILKADA_GUBERNUR") String contest) {
        DeskAccess.deskFor(Caller.of(jwt), DeskAccess.requiredRegion(region));
        TpsDirectory.checkRegion(region);
        Map<String, List<IndexedReport>> byReporter = new TreeMap<>();
        for (IndexedReport r : index.under(region, Contest.parse(contest))) {
            byReporter.computeIfAbsent(r.reportedBy(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Reporters.Block> blocks = new TreeMap<>();
        reporters.under(region).forEach(b -> blocks.put(b.username(), b));
        blocks.keySet().forEach(u -> byReporter.computeIfAbsent(u, k -> new ArrayList<>()));
        List<ReporterRow> rows = new ArrayList<>();
        byReporter.forEach((user, list) -> {
            Reporters.Block block = blocks.get(user);
            rows.add(new ReporterRow(user, list.size(), (int) list.stream().filter(r -> !r.counted()).count(),
                    list.stream().map(IndexedReport::updatedAt).max(Comparator.naturalOrder()).orElse(null),
                    block != null, block == null ? null : block.reason()));
        });
        return rows;
    }

    @PostMapping("/api/desk/reporters/{username}/block")
    @PreAuthorize(DeskRoles.DESK)
    Map<String, Object> block(@AuthenticationPrincipal Jwt jwt, @PathVariable String username,
                              @RequestBody(required = false) BlockRequest body) {
        Caller caller = Caller.of(jwt);
        String region = caller.regionCode();
        DeskAccess.deskFor(caller, region == null ? "" : region);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw ApiProblem.badRequest("Alasan menonaktifkan pelapor wajib diisi.");
        }
        reporters.block(username, region, body.reason().trim(), caller.username(), clock.instant());
        return Map.of("username", username, "regionCode", region, "blocked", true);
    }

    @PostMapping("/api/desk/reporters/{username}/unblock")
    @PreAuthorize(DeskRoles.DESK)
    Map<String, Object> unblock(@AuthenticationPrincipal Jwt jwt, @PathVariable String username) {
        Caller caller = Caller.of(jwt);
        String region = caller.regionCode();
        DeskAccess.deskFor(caller, region == null ? "" : region);
        if (!reporters.unblock(username, region)) {
            throw ApiProblem.notFound("Pelapor " + username + " tidak sedang dinonaktifkan di wilayah " + region + ".");
        }
        return Map.of("username", username, "regionCode", region, "blocked", false);
    }
}
