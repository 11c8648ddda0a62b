package id.pemilu.portal.rekap;

import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.signin.SignedIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Penetapan for KPU RI (and, read-only, the other tiers): the published determination of a contest with its whole
 * calculation (the threshold step, each dapil's Sainte-Laguë quotient table and seat order, the elected candidates,
 * the ties and how they were broken), or the calculation the numbers give now when nothing is published yet.
 */
@Controller
class DeterminationPagesController {

    private final OfficerRecap recap;

    DeterminationPagesController(OfficerRecap recap) {
        this.recap = recap;
    }

    @GetMapping("/rekap/penetapan")
    String view(Authentication authentication, @RequestParam(defaultValue = "DPR") String jenis,
                @RequestParam(defaultValue = "ID") String wilayah, Model model) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        return render(model, staff, RekapAccess.validType(jenis), validRegion(wilayah), null);
    }

    @PostMapping("/rekap/penetapan")
    String publish(Authentication authentication, @RequestParam(defaultValue = "DPR") String jenis,
                   @RequestParam(defaultValue = "ID") String wilayah, @RequestParam(defaultValue = "") String reason,
                   Model model, RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        String type = RekapAccess.validType(jenis);
        String region = validRegion(wilayah);
        Map<String, Object> body = reason.isBlank() ? Map.of() : Map.of("reason", reason.strip());
        OfficerRecap.Answer answer = recap.post(body, "/api/recap/determinations?ballotType={t}&region={r}", type,
                region).orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            return render(model, staff, type, region, "Penetapan belum diterbitkan: " + answer.detail()
                    + (answer.status() == 409 ? " Penetapan memerlukan suara yang sudah dihitung." : ""));
        }
        redirect.addFlashAttribute("done", "Penetapan " + RekapLabels.ballot(type) + " wilayah " + region
                + " diterbitkan sebagai versi " + answer.body().path("version").asString() + " (SHA-256 perhitungan "
                + answer.body().path("sha256").asString("").substring(0, Math.min(16,
                answer.body().path("sha256").asString("").length())) + "\u2026).");
        return "redirect:/rekap/penetapan?jenis=" + type + "&wilayah=" + region;
    }

    private static String validRegion(String region) {
        if (!region.matches("ID|\\d{2}(\\.\\d{2})?")) {
            throw new IllegalArgumentException("Wilayah penetapan: ID (nasional), provinsi (31) atau kab/kota (31.71).");
        }
        return region;
    }

    private String render(Model model, SignedIn staff, String type, String region, String error) {
        OfficerRecap.Answer published = recap.get("/api/recap/public/determinations?ballotType={t}&region={r}", type,
                region);
        JsonNode document = null;
        JsonNode determination;
        if (published.ok()) {
            document = published.body();
            determination = document.path("determination");
        } else {
            determination = recap.get("/api/recap/determinations/preview?ballotType={t}&region={r}", type, region)
                    .orThrow(RekapAccess.Refused::new).body();
        }
        model.addAttribute("type", type);
        model.addAttribute("ballotName", RekapLabels.ballot(type));
        model.addAttribute("ballots", RekapLabels.BALLOTS);
        model.addAttribute("region", region);
        model.addAttribute("published", document);
        model.addAttribute("d", determination);
        model.addAttribute("error", error);
        model.addAttribute("mayPublish", staff.roles().contains("kpu-ri"));
        model.addAttribute("statusLabel", switch (determination.path("status").asString("")) {
            case "TERPILIH" -> "terpilih / kursi terbagi";
            case "PUTARAN_KEDUA" -> "putaran kedua";
            case "BELUM_ADA_SUARA" -> "belum ada suara yang dihitung";
            default -> determination.path("status").asString("");
        });
        model.addAttribute("publishedAt", document == null ? null : RekapLabels.time(document.path("publishedAt")
                .asString(null)));

        // each dapil's quotient table: one row per party, one column per divisor; the seats it won marked
        List<Map<String, Object>> dapils = new ArrayList<>();
        for (JsonNode dapil : determination.path("dapils")) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("code", dapil.path("dapilCode").asString());
            view.put("name", dapil.path("dapilName").asString());
            view.put("seats", dapil.path("seats").asInt());
            int columns = 0;
            for (JsonNode p : dapil.path("quotients")) {
                columns = Math.max(columns, p.path("quotients").size());
            }
            List<Integer> divisors = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                divisors.add(2 * i + 1);
            }
            view.put("divisors", divisors);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode p : dapil.path("quotients")) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("party", p.path("partyName").asString());
                row.put("votes", p.path("votes").asString());
                List<Map<String, String>> cells = new ArrayList<>();
                for (JsonNode q : p.path("quotients")) {
                    cells.add(Map.of("value", q.path("value").asString(), "seat",
                            q.path("seat").isNumber() ? q.path("seat").asString() : ""));
                }
                while (cells.size() < columns) {
                    cells.add(Map.of("value", "", "seat", ""));
                }
                row.put("cells", cells);
                rows.add(row);
            }
            view.put("rows", rows);
            view.put("parties", dapil.path("parties"));
            view.put("elected", dapil.path("elected"));
            view.put("seatOrder", dapil.path("seatOrder"));
            view.put("notes", dapil.path("notes"));
            dapils.add(view);
        }
        model.addAttribute("dapils", dapils);
        return "rekap/penetapan";
    }
}
