package id.pemilu.portal.rekap;

import id.pemilu.common.wilayah.RegionCode;
import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.signin.SignedIn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The reconciliation desk's work list: PPK sees the TPS of its kecamatan, a KPU tier its child regions; counts at the
 * top, filters (flagged first, not reported, disputed), each row linking to the TPS review or the child's list.
 */
@Controller
class WorklistController {

    static final Map<String, String> FILTERS = new LinkedHashMap<>();

    static {
        FILTERS.put("semua", "Semua");
        FILTERS.put("ditandai", "Ditandai");
        FILTERS.put("belum", "Belum masuk");
        FILTERS.put("dipersoalkan", "Dipersoalkan");
        FILTERS.put("laporan", "Ada laporan");
    }

    private final OfficerRecap recap;

    WorklistController(OfficerRecap recap) {
        this.recap = recap;
    }

    @GetMapping("/rekap")
    String home(Authentication authentication, @RequestParam(defaultValue = "PPWP") String jenis,
                @RequestParam(required = false) String wilayah) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        String region = wilayah == null || wilayah.isBlank() ? RekapAccess.homeRegion(staff) : wilayah.strip();
        RekapAccess.tierOf(region);
        return "redirect:/rekap/" + RekapAccess.validType(jenis) + "/" + region;
    }

    @GetMapping("/rekap/{type}/{region:ID|\\d{2}(?:\\.\\d{2}){0,2}}")
    String list(Authentication authentication, @PathVariable String type, @PathVariable String region,
                @RequestParam(defaultValue = "semua") String tampil, Model model) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        RekapAccess.validType(type);
        String tier = RekapAccess.tierOf(region);
        JsonNode view = recap.get("/api/recap/worklist/{t}/{r}", type, region).orThrow(RekapAccess.Refused::new).body();
        String filter = FILTERS.containsKey(tampil) ? tampil : "semua";
        boolean kecamatan = "KECAMATAN".equals(tier);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode r : view.path("rows")) {
            Map<String, Object> row = new LinkedHashMap<>();
            String status = r.path("status").asString("");
            row.put("code", r.path("code").asString());
            row.put("name", r.path("name").asString());
            row.put("parentName", r.path("parentName").asString(""));
            row.put("status", status);
            row.put("statusLabel", kecamatan ? RekapLabels.status(status) : RekapLabels.session(status));
            List<String> flags = new ArrayList<>();
            r.path("flags").forEach(f -> flags.add(RekapLabels.check(f.path("code").asString())));
            row.put("flags", flags);
            row.put("disputed", r.path("disputed").asBoolean());
            row.put("disagree", r.path("readingsDisagree").asBoolean());
            row.put("reports", r.path("openReports").asInt());
            row.put("decision", r.path("decision").isString() ? r.path("decision").asString() : null);
            row.put("version", r.path("resultVersion").asLong());
            row.put("updatedBy", r.path("updatedBy").asString(""));
            row.put("updatedAt", RekapLabels.time(r.path("updatedAt").isString() ? r.path("updatedAt").asString()
                    : null));
            row.put("tpsTotal", r.path("tpsTotal").asInt());
            row.put("counted", r.path("countedTps").asInt());
            row.put("flagged", r.path("flaggedTps").asInt());
            row.put("notReported", r.path("notReportedTps").asInt());
            row.put("dHasil", r.path("dHasilVersion").asInt());
            row.put("href", kecamatan ? "/rekap/" + type + "/tps/" + r.path("code").asString()
                    : "/rekap/" + type + "/" + r.path("code").asString());
            if (keep(filter, row, kecamatan)) {
                rows.add(row);
            }
        }
        // flagged first (disputed among them), then not reported, then the rest in code order
        rows.sort(Comparator.comparingInt((Map<String, Object> row) -> rank(row, kecamatan))
                .thenComparing(row -> (String) row.get("code")));
        model.addAttribute("type", type);
        model.addAttribute("ballotName", RekapLabels.ballot(type));
        model.addAttribute("ballots", RekapLabels.BALLOTS);
        model.addAttribute("region", region);
        model.addAttribute("regionName", view.path("regionName").asString(region));
        model.addAttribute("tier", tier);
        model.addAttribute("tierLabel", RekapLabels.tier(tier));
        model.addAttribute("kecamatan", kecamatan);
        model.addAttribute("counts", view.path("counts"));
        JsonNode session = view.path("session");
        model.addAttribute("sessionStatus", session.isObject() ? session.path("status").asString() : null);
        model.addAttribute("sessionLabel", RekapLabels.session(session.isObject() ? session.path("status").asString()
                : null));
        model.addAttribute("finalizedVersion", session.path("finalizedVersion").asInt(0));
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("filters", FILTERS);
        model.addAttribute("total", view.path("rows").size());
        model.addAttribute("parent", parentOf(region, staff));
        return "rekap/daftar";
    }

    private static boolean keep(String filter, Map<String, Object> row, boolean kecamatan) {
        return switch (filter) {
            case "ditandai" -> kecamatan ? "flagged".equals(row.get("status")) : (Integer) row.get("flagged") > 0;
            case "belum" -> kecamatan ? "belum_masuk".equals(row.get("status")) : (Integer) row.get("notReported") > 0;
            case "dipersoalkan" -> (Boolean) row.get("disputed");
            case "laporan" -> (Integer) row.get("reports") > 0;
            default -> true;
        };
    }

    private static int rank(Map<String, Object> row, boolean kecamatan) {
        if (kecamatan) {
            String status = (String) row.get("status");
            return (Boolean) row.get("disputed") ? 0 : "flagged".equals(status) ? 1 : "belum_masuk".equals(status)
                    ? 2 : (Integer) row.get("reports") > 0 ? 3 : 4;
        }
        return (Integer) row.get("flagged") > 0 ? 1 : (Integer) row.get("notReported") > 0 ? 2 : 4;
    }

    /** The region one tier up, when the officer's own region covers it (to go back up the list). */
    static String parentOf(String region, SignedIn staff) {
        RekapAccess.tierOf(region); // a region of the rekapitulasi, or refused
        String parent = RegionCode.parentOf(region);
        String home = RekapAccess.homeRegion(staff);
        if (parent == null || !("ID".equals(home) || parent.equals(home) || parent.startsWith(home + "."))) {
            return null;
        }
        return parent;
    }
}
