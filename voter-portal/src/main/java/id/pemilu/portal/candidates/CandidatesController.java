package id.pemilu.portal.candidates;

import id.pemilu.common.web.ClientAddress;
import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.backend.CandidatesApi;
import id.pemilu.portal.backend.ShortLivedCache;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.JsonNode;

/**
 * The candidate lists as KPU publishes them: the provisional list (DCS), on which anyone may comment with evidence,
 * and the final list (DCT) that is printed on the ballot.
 */
@Controller
class CandidatesController {

    private static final String DAPIL_CODE = "[A-Za-z0-9._-]{1,40}";

    private final CandidatesApi candidates;
    private final ShortLivedCache cache;

    private final ClientAddress clients;

    CandidatesController(CandidatesApi candidates, ShortLivedCache cache, ClientAddress clients) {
        this.clients = clients;
        this.candidates = candidates;
        this.cache = cache;
    }

    @GetMapping("/calon")
    String dapil(Model model) {
        Object all = cache.get("dapil", () -> candidates.raw("/api/candidates/public/dapil"));
        Map<String, List<Map<String, Object>>> byBody = new TreeMap<>();
        if (all instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> dapil = (Map<String, Object>) m;
                    byBody.computeIfAbsent(String.valueOf(dapil.get("body")), b -> new java.util.ArrayList<>()).add(dapil);
                }
            }
        }
        model.addAttribute("byBody", byBody);
        return "calon";
    }

    @GetMapping("/calon/{dapilCode}")
    String list(@PathVariable String dapilCode, @RequestParam(name = "daftar", required = false) String daftar,
                Model model) {
        if (!dapilCode.matches(DAPIL_CODE)) {
            throw new NotPublished();
        }
        String wanted = daftar == null ? null : daftar.toUpperCase(java.util.Locale.ROOT);
        Map<String, Object> ballot = null;
        if (wanted == null || wanted.equals("DCT")) {
            ballot = cache.get("dct/" + dapilCode, () -> candidates.object("/api/candidates/public/dapil/{d}/dct", dapilCode));
        }
        if (ballot == null && (wanted == null || wanted.equals("DCS"))) {
            ballot = cache.get("dcs/" + dapilCode, () -> candidates.object("/api/candidates/public/dapil/{d}/dcs", dapilCode));
        }
        if (ballot == null) {
            throw new NotPublished();
        }
        model.addAttribute("ballot", ballot);
        model.addAttribute("dapilCode", dapilCode);
        boolean isDcs = "DCS".equals(ballot.get("list"));
        Object stage = ballot.get("dapil") instanceof Map<?, ?> dapil ? dapil.get("stage") : null;
        model.addAttribute("isDcs", isDcs);
        // citizens may comment while the dapil is at the DCS stage (not once the DCT is fixed)
        model.addAttribute("feedbackOpen", isDcs && (stage == null || "DCS".equals(stage)));
        return "calon-dapil";
    }

    @PostMapping("/calon/{dapilCode}/tanggapan")
    String feedback(@PathVariable String dapilCode, @RequestParam String candidateId,
                    @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String evidenceUrl,
                    HttpServletRequest request, Model model) {
        if (!dapilCode.matches(DAPIL_CODE) || !candidateId.matches(DAPIL_CODE)) {
            throw new NotPublished();
        }
        List<String> evidence = evidenceUrl.isBlank() ? List.of() : List.of(evidenceUrl.strip());
        JsonNode answer = candidates.feedback(candidateId, text.strip(), evidence, clients.of(request));
        if (id.pemilu.portal.backend.MembersApi.isProblem(answer)) {
            model.addAttribute("message", answer.path("detail").asString("Tanggapan ditolak."));
        } else {
            model.addAttribute("message", answer.path("merged").asBoolean()
                    ? "Terima kasih. Tanggapan serupa sudah ada; tanggapan Anda digabungkan dengannya."
                    : "Terima kasih. Tanggapan Anda diterima dan diteruskan ke KPU dan partai untuk klarifikasi.");
            model.addAttribute("ok", true);
        }
        model.addAttribute("back", "/calon/" + dapilCode);
        return "pesan";
    }

    @ExceptionHandler(NotPublished.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notPublished(Model model) {
        model.addAttribute("message", "Daftar calon untuk dapil itu belum diumumkan.");
        return "pesan";
    }

    @ExceptionHandler(BackendUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model) {
        model.addAttribute("message", "Daftar calon sedang tidak bisa dibaca. Coba lagi sebentar lagi.");
        return "pesan";
    }

    static final class NotPublished extends RuntimeException {
    }
}
