package id.pemilu.portal.bawaslu;

import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.kpps.KppsLabels;
import id.pemilu.portal.results.FieldLabels;
import id.pemilu.portal.signin.SignedIn;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Bawaslu's oversight pages: read-only views of a TPS in scope (numbers, status, flags, the audit trail with who,
 * role and why), the original photos with their EXIF and SHA-256 (recomputed here), every transparency-log entry of
 * the TPS with its inclusion proof checked against the signed tree head, and the form to record a recommendation.
 * Nothing here changes a number: recap-service refuses Bawaslu every write but the recommendation.
 */
@Controller
class BawasluController {

    static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("RECHECK", "Pencocokan ulang dengan C.Hasil kertas");
        KINDS.put("RECOUNT", "Penghitungan suara ulang");
        KINDS.put("REVOTE", "Pemungutan suara ulang");
    }

    private final OfficerRecap recap;

    BawasluController(OfficerRecap recap) {
        this.recap = recap;
    }

    @GetMapping("/bawaslu")
    String home(Authentication authentication, Model model) {
        SignedIn officer = BawasluAccess.require(SignedIn.of(authentication));
        String region = officer.regionCode() == null || officer.regionCode().isBlank() ? "ID" : officer.regionCode();
        OfficerRecap.Answer answer = recap.get("/api/recap/recommendations?region={r}", region);
        List<Map<String, String>> rows = new ArrayList<>();
        if (answer.ok()) {
            answer.body().forEach(r -> rows.add(recommendationRow(r)));
        }
        model.addAttribute("region", region);
        model.addAttribute("recommendations", rows);
        return "bawaslu/beranda";
    }

    @GetMapping("/bawaslu/tps")
    String open(Authentication authentication, @RequestParam String kode) {
        BawasluAccess.require(SignedIn.of(authentication));
        String code = kode.trim();
        if (!code.matches("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3}")) {
            throw new IllegalArgumentException("Kode TPS ditulis seperti 31.71.01.1001.001.");
        }
        return "redirect:/bawaslu/tps/" + code;
    }

    @GetMapping("/bawaslu/tps/{tps}")
    String tps(Authentication authentication, @PathVariable String tps, Model model) {
        BawasluAccess.require(SignedIn.of(authentication));
        OfficerRecap.Answer pub = recap.get("/api/recap/public/tps/{t}", tps);
        if (!pub.ok()) {
            throw new IllegalArgumentException(pub.detail());
        }
        JsonNode info = pub.body();
        List<String> names = new ArrayList<>();
        info.path("path").forEach(p -> names.add(0, p.path("name").asString("")));
        List<Map<String, Object>> ballots = new ArrayList<>();
        for (JsonNode b : info.path("ballots")) {
            String type = b.path("ballotType").asString();
            OfficerRecap.Answer result = recap.result(tps, type);
            if (result.status() == 403) {
                throw new BawasluAccess.Refused(result.detail());
            }
            ballots.add(ballot(tps, type, result.ok() ? result.body() : b));
        }
        model.addAttribute("tps", tps);
        model.addAttribute("place", String.join(", ", names));
        model.addAttribute("dpt", info.path("dpt").asInt());
        model.addAttribute("openReports", info.path("openReports").path("total").asInt(0));
        model.addAttribute("openRecommendations", info.path("openRecommendations").asInt(0));
        model.addAttribute("ballots", ballots);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("ballotNames", KppsLabels.ballots());
        return "bawaslu/tps";
    }

    private Map<String, Object> ballot(String tps, String type, JsonNode r) {
        Map<String, Object> ballot = new LinkedHashMap<>();
        ballot.put("type", type);
        ballot.put("name", KppsLabels.ballot(type));
        ballot.put("status", r.path("status").asString(""));
        ballot.put("statusLabel", KppsLabels.status(r.path("status").asString("")));
        ballot.put("version", r.path("resultVersion").asString(""));
        List<Map<String, String>> rows = new ArrayList<>();
        r.path("values").forEach(v -> rows.add(Map.of("label", FieldLabels.of(v.path("key").asString()),
                "value", v.path("value").isNull() ? "–" : v.path("value").asString())));
        ballot.put("rows", rows);
        List<Map<String, String>> flags = new ArrayList<>();
        r.path("flags").forEach(f -> flags.add(Map.of("title", KppsLabels.check(f.path("code").asString()),
                "message", f.path("message").asString(""))));
        ballot.put("flags", flags);
        List<Map<String, String>> history = new ArrayList<>();
        r.path("history").forEach(h -> history.add(Map.of("version", h.path("resultVersion").asString(""),
                "status", KppsLabels.status(h.path("status").asString("").toLowerCase()),
                "by", h.path("by").asString(""), "role", h.path("role").asString(""),
                "at", KppsLabels.time(h.path("at").asString(null)), "reason", h.path("reason").asString(""))));
        ballot.put("history", history);
        List<Map<String, Object>> photos = new ArrayList<>();
        String submission = r.path("submissionId").asString("");
        for (JsonNode p : r.path("photos")) {
            int page = p.path("page").asInt();
            Map<String, Object> photo = new LinkedHashMap<>();
            photo.put("page", page);
            photo.put("sha256", p.path("sha256").asString(""));
            photo.put("url", "/bawaslu/foto/" + submission + "/" + page);
            Original original = submission.isBlank() ? null : original(submission, page);
            if (original != null) {
                String recomputed = sha256(original.bytes());
                photo.put("size", original.bytes().length);
                photo.put("recomputed", recomputed);
                photo.put("matches", recomputed.equals(p.path("sha256").asString("")));
                photo.put("exif", ExifSummary.of(original.bytes()));
            }
            photos.add(photo);
        }
        ballot.put("photos", photos);
        OfficerRecap.Answer log = recap.get("/api/recap/public/log/tps/{t}/{b}", tps, type);
        ballot.put("log", log.ok() ? LogProofs.check(log.body()) : null);
        ballot.put("logMissing", log.ok() ? null : log.detail());
        return ballot;
    }

    @GetMapping("/bawaslu/foto/{submissionId}/{page}")
    ResponseEntity<byte[]> original(Authentication authentication, @PathVariable String submissionId,
                                    @PathVariable int page) {
        BawasluAccess.require(SignedIn.of(authentication));
        Original original = original(submissionId, page);
        if (original == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(original.contentType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"c-hasil-asli-" + page + ".jpg\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Photo-Sha256", sha256(original.bytes()))
                .body(original.bytes());
    }

    @PostMapping("/bawaslu/tps/{tps}/rekomendasi")
    String recommend(Authentication authentication, @PathVariable String tps, @RequestParam String ballotType,
                     @RequestParam String kind, @RequestParam(defaultValue = "") String reason,
                     RedirectAttributes redirect) {
        BawasluAccess.require(SignedIn.of(authentication));
        OfficerRecap.Answer answer = recap.post(Map.of("target", tps, "ballotType", ballotType, "kind", kind, "reason", reason),
                "/api/recap/recommendations");
        if (answer.status() == 403) {
            throw new BawasluAccess.Refused(answer.detail());
        }
        if (answer.ok()) {
            redirect.addFlashAttribute("notice", "Rekomendasi " + answer.body().path("id").asString()
                    + " dicatat dan masuk log transparansi; PPK wajib menjawabnya sebelum menetapkan D.Hasil.");
        } else {
            redirect.addFlashAttribute("error", answer.detail());
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/bawaslu/tps/" + tps + "#rekomendasi";
    }

    private static Map<String, String> recommendationRow(JsonNode r) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", r.path("id").asString(""));
        row.put("target", r.path("target").asString(""));
        row.put("targetKind", r.path("targetKind").asString(""));
        row.put("ballot", KppsLabels.ballot(r.path("ballotType").asString("")));
        row.put("kind", r.path("kindLabel").asString(""));
        row.put("reason", r.path("reason").asString(""));
        row.put("status", "open".equals(r.path("status").asString()) ? "menunggu jawaban"
                : "dijawab: " + ("accepted".equals(r.path("answer").path("decision").asString())
                ? "ditindaklanjuti" : "ditolak") + " (" + r.path("answer").path("reason").asString("") + ")");
        row.put("at", KppsLabels.time(r.path("recordedAt").asString(null)));
        return row;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The original photo as sent (with EXIF) and the SHA-256 recap-service recorded for it. */
    record Original(byte[] bytes, String contentType, String recordedSha256) {
    }

    /** The original of one page, or null when recap-service has none for this officer. */
    private Original original(String submissionId, int page) {
        OfficerRecap.File file = recap.file("/api/recap/submissions/{id}/photos/{p}/original", submissionId, page);
        if (file.status() < 200 || file.status() >= 300) {
            return null;
        }
        return new Original(file.bytes(), file.contentType() == null ? "application/octet-stream"
                : file.contentType(), file.headers().getFirst("X-Photo-Sha256"));
    }
}
