package id.pemilu.recap.recap;

import id.pemilu.recap.registry.RegistryLoader;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** KPU RI: import the TPS registry, check the tiered totals against a rebuild from scratch, see the backlog. */
@RestController
class AdminController {

    private final RecapRebuild rebuild;
    private final RecapApplier applier;
    private final RegistryLoader registry;

    AdminController(RecapRebuild rebuild, RecapApplier applier, RegistryLoader registry) {
        this.rebuild = rebuild;
        this.applier = applier;
        this.registry = registry;
    }

    /** Imports TPS from CSV ({@code tps_code,dpt_men,dpt_women}); every line is checked before anything is stored. */
    @PostMapping(path = "/api/recap/admin/registry", consumes = "text/csv")
    @PreAuthorize("hasRole('kpu-ri')")
    Map<String, Object> importRegistry(@RequestBody String csv) {
        int imported = registry.importCsv(new BufferedReader(new StringReader(csv)));
        return Map.of("imported", imported);
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
