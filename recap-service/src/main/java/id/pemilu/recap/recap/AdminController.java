package id.pemilu.recap.recap;

import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** KPU RI: check the tiered totals against a rebuild from scratch, and see the recap backlog. */
@RestController
class AdminController {

    private final RecapRebuild rebuild;
    private final RecapApplier applier;

    AdminController(RecapRebuild rebuild, RecapApplier applier) {
        this.rebuild = rebuild;
        this.applier = applier;
    }

    @PostMapping("/api/recap/admin/rebuild")
    @PreAuthorize("hasRole('kpu-ri')")
    RecapRebuild.Report rebuild(@RequestParam(defaultValue = "false") boolean fix) {
        return rebuild.rebuild(fix);
    }

    @GetMapping("/api/recap/admin/status")
    @PreAuthorize("hasAnyRole('kpu-ri','bawaslu')")
    Map<String, Object> status() {
        return Map.of("backlog", applier.backlog(), "appliedResults", applier.appliedResults());
    }
}
