package id.pemilu.portal.kpps;

import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.ballot.BallotTypes;
import id.pemilu.portal.ballot.TpsBallots;
import id.pemilu.portal.signin.SignedIn;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * The KPPS officer's C.Hasil flow, step 1 and 3: the officer's TPS with the status of each ballot, the photo upload,
 * and the result after confirming with the public link of the TPS. Works as plain forms; kpps.js adds the progress
 * bar and the offline outbox.
 */
@Controller
class KppsController {

    private final OfficerRecap recap;
    private final TpsInfo tpsInfo;
    private final TpsBallots tpsBallots;

    private final long maxPhotoMb;

    KppsController(OfficerRecap recap, TpsInfo tpsInfo, TpsBallots tpsBallots,
                   @org.springframework.beans.factory.annotation.Value("${pemilu.portal.max-photo-size:9MB}")
                   org.springframework.util.unit.DataSize maxPhoto) {
        this.maxPhotoMb = maxPhoto.toMegabytes();
        this.recap = recap;
        this.tpsInfo = tpsInfo;
        this.tpsBallots = tpsBallots;
    }

    @ModelAttribute("ballotNames")
    Map<String, String> ballotNames() {
        return BallotTypes.NAMES;
    }

    @GetMapping("/kpps")
    String home(Authentication authentication, Model model) {
        SignedIn signedIn = SignedIn.of(authentication);
        if (signedIn != null && !signedIn.isKpps() && signedIn.roles().contains("bawaslu")) {
            return "redirect:/bawaslu"; // the sign-in lands here; Bawaslu's pages are its own
        }
        SignedIn officer = KppsAccess.requireKpps(signedIn);
        String tps = officer.tpsCode();
        List<Map<String, Object>> ballots = new ArrayList<>();
        for (String type : tpsBallots.of(tps)) {
            OfficerRecap.Answer result = recap.result(tps, type);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", type);
            row.put("name", BallotTypes.name(type));
            String status = result.ok() ? result.body().path("status").asString() : null;
            row.put("status", status);
            row.put("statusLabel", KppsLabels.status(status));
            ballots.add(row);
        }
        model.addAttribute("tps", tpsInfo.of(tps));
        model.addAttribute("ballots", ballots);
        model.addAttribute("notHere", BallotTypes.NAMES.keySet().stream()
                .filter(t -> !tpsBallots.of(tps).contains(t)).map(BallotTypes::name).toList());
        return "kpps/beranda";
    }

    @GetMapping("/kpps/tps/{tps}/{type}")
    String uploadForm(Authentication authentication, @PathVariable String tps,
                      @PathVariable String type, @RequestParam(required = false) String submissionId,
                      @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String ditolak,
                      Model model) {
        KppsAccess.requireOwnTps(SignedIn.of(authentication), tps);
        uploadModel(model, tps, ofThisTps(tps, type), submissionId, page);
        if ("terlalu-besar".equals(ditolak)) { // web.UploadLimits sent the browser back here
            model.addAttribute("error", "Foto tidak terkirim: lebih besar dari " + maxPhotoMb + " MB. Ambil foto "
                    + "lagi dengan resolusi kamera lebih kecil (misalnya 8 MP), lalu kirim lagi.");
        }
        return "kpps/unggah";
    }

    @PostMapping("/kpps/tps/{tps}/{type}/foto")
    String upload(Authentication authentication, @PathVariable String tps, @PathVariable String type,
                  @RequestParam(required = false) MultipartFile photo, @RequestParam(defaultValue = "1") int page,
                  @RequestParam(required = false) String submissionId,
                  @RequestParam(required = false) String idempotencyKey, Model model) throws IOException {
        KppsAccess.requireOwnTps(SignedIn.of(authentication), tps);
        ofThisTps(tps, type);
        if (photo == null || photo.isEmpty()) {
            uploadModel(model, tps, type, submissionId, page);
            model.addAttribute("error", "Pilih atau ambil foto formulir C.Hasil dulu.");
            return "kpps/unggah";
        }
        String key = validKey(idempotencyKey);
        OfficerRecap.Answer answer = recap.upload(tps, type, page, submissionId, key, photo.getOriginalFilename(),
                photo.getContentType(), photo.getBytes());
        if (answer.ok()) {
            return "redirect:/kpps/kiriman/" + answer.body().path("submissionId").asString();
        }
        if (answer.status() == 403) {
            throw new KppsAccess.Refused(answer.detail());
        }
        uploadModel(model, tps, type, submissionId, page);
        model.addAttribute("error", uploadProblem(answer));
        return "kpps/unggah";
    }

    @GetMapping("/kpps/tps/{tps}/{type}/hasil")
    String result(Authentication authentication, @PathVariable String tps, @PathVariable String type,
                  Model model) {
        KppsAccess.requireOwnTps(SignedIn.of(authentication), tps);
        KppsAccess.validType(type);
        OfficerRecap.Answer answer = recap.result(tps, type);
        model.addAttribute("tps", tpsInfo.of(tps));
        model.addAttribute("type", type);
        model.addAttribute("ballotName", KppsLabels.ballot(type));
        if (!answer.ok()) {
            model.addAttribute("result", null);
            return "kpps/hasil";
        }
        JsonNode r = answer.body();
        model.addAttribute("result", r);
        model.addAttribute("status", r.path("status").asString());
        model.addAttribute("statusLabel", KppsLabels.status(r.path("status").asString()));
        List<Map<String, String>> flags = new ArrayList<>();
        r.path("flags").forEach(f -> flags.add(Map.of("code", f.path("code").asString(),
                "title", KppsLabels.check(f.path("code").asString()), "message", f.path("message").asString())));
        model.addAttribute("flags", flags);
        List<Map<String, Object>> rows = new ArrayList<>();
        r.path("values").forEach(v -> rows.add(Map.of("label", KppsLabels.field(v.path("key").asString()),
                "value", v.path("value").isNull() ? "–" : v.path("value").asString())));
        model.addAttribute("rows", rows);
        List<Map<String, String>> history = new ArrayList<>();
        r.path("history").forEach(h -> {
            Map<String, String> change = new LinkedHashMap<>();
            change.put("version", h.path("resultVersion").asString(""));
            change.put("status", KppsLabels.status(h.path("status").asString("").toLowerCase()));
            change.put("by", h.path("by").asString("") + " (" + h.path("role").asString("") + ")");
            change.put("at", KppsLabels.time(h.path("at").asString(null)));
            change.put("reason", h.path("reason").asString(""));
            history.add(change);
        });
        model.addAttribute("history", history);
        return "kpps/hasil";
    }

    /** A ballot type this TPS has; another one is refused in words (a 400 page) before anything is sent. */
    private String ofThisTps(String tps, String type) {
        KppsAccess.validType(type);
        if (!tpsBallots.of(tps).contains(type)) {
            throw new IllegalArgumentException("TPS " + tps + " tidak memakai surat suara " + BallotTypes.name(type)
                    + " pada pemilihan ini. Kembali ke halaman TPS Anda dan pilih salah satu surat suara yang "
                    + "tercantum di sana.");
        }
        return type;
    }

    private void uploadModel(Model model, String tps, String type, String submissionId, int page) {
        model.addAttribute("tps", tpsInfo.of(tps));
        model.addAttribute("type", type);
        model.addAttribute("ballotName", KppsLabels.ballot(type));
        model.addAttribute("submissionId", submissionId == null || submissionId.isBlank() ? null : submissionId);
        model.addAttribute("page", Math.max(1, Math.min(20, page)));
        // for the form without JavaScript; kpps.js puts a key made on the phone in its place
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    }

    /** The refusal of an upload in words the officer can act on. */
    static String uploadProblem(OfficerRecap.Answer answer) {
        return switch (answer.status()) {
            case 415 -> "Berkas ini bukan foto JPEG atau PNG. Ambil foto formulir dengan kamera, lalu kirim lagi.";
            case 413 -> "Foto terlalu besar. Ambil foto dengan resolusi lebih kecil (maksimal 8 MB), lalu kirim lagi.";
            case 409 -> answer.detail();
            default -> "Foto ditolak: " + answer.detail();
        };
    }

    static String validKey(String key) {
        if (key != null && key.matches("[A-Za-z0-9-]{8,100}")) {
            return key;
        }
        return UUID.randomUUID().toString();
    }
}
