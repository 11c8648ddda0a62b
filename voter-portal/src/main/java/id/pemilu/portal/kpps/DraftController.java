package id.pemilu.portal.kpps;

import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.signin.SignedIn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KPPS officer's C.Hasil flow, step 2: "sedang dibaca…" while the reader works, then the draft (the photo beside
 * the fields; fields that need a look first, each with the crop of its digit boxes), the checks, and the
 * confirmation. recap-service checks again on confirm and decides the status.
 */
@Controller
class DraftController {

    static final String FIELD_PREFIX = "v:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OfficerRecap recap;
    private final TpsInfo tpsInfo;
    private final PhotoCrops crops;
    private final int reservePercent;
    private final int reserveTolerance;

    DraftController(OfficerRecap recap, TpsInfo tpsInfo, PhotoCrops crops,
                    @Value("${pemilu.portal.kpps.reserve-percent:2}") int reservePercent,
                    @Value("${pemilu.portal.kpps.reserve-tolerance:2}") int reserveTolerance) {
        this.recap = recap;
        this.tpsInfo = tpsInfo;
        this.crops = crops;
        this.reservePercent = reservePercent;
        this.reserveTolerance = reserveTolerance;
    }

    @GetMapping("/kpps/kiriman/{id}")
    String draft(Authentication authentication, @PathVariable String id, Model model,
                 jakarta.servlet.http.HttpServletResponse response) {
        JsonNode submission = submission(SignedIn.of(authentication), id);
        Map<String, Integer> values = new LinkedHashMap<>();
        submission.path("draft").forEach(f -> values.put(f.path("key").asString(),
                f.path("value").isNumber() ? f.path("value").asInt() : null));
        String view = render(model, submission, values, null, null, UUID.randomUUID().toString(), List.of());
        if ("reading".equals(model.getAttribute("state"))) {
            response.setHeader("Refresh", "3"); // works without JavaScript
            response.setHeader("Cache-Control", "no-store");
        }
        return view;
    }

    @PostMapping("/kpps/kiriman/{id}/konfirmasi")
    String confirm(Authentication authentication, @PathVariable String id,
                   @RequestParam Map<String, String> form, Model model) {
        JsonNode submission = submission(SignedIn.of(authentication), id);
        String tps = submission.path("tpsCode").asString();
        String type = submission.path("ballotType").asString();
        Map<String, Integer> draft = new LinkedHashMap<>();
        submission.path("draft").forEach(f -> draft.put(f.path("key").asString(),
                f.path("value").isNumber() ? f.path("value").asInt() : null));
        Map<String, Integer> typed = new LinkedHashMap<>(draft);
        List<String> notNumbers = new ArrayList<>();
        form.forEach((name, raw) -> {
            if (name.startsWith(FIELD_PREFIX) && draft.containsKey(name.substring(FIELD_PREFIX.length()))) {
                String key = name.substring(FIELD_PREFIX.length());
                String text = raw == null ? "" : raw.strip();
                if (text.isEmpty()) {
                    typed.put(key, null);
                } else if (text.matches("\\d{1,6}")) {
                    typed.put(key, Integer.parseInt(text));
                } else {
                    notNumbers.add(KppsLabels.field(key));
                }
            }
        });
        String reason = form.getOrDefault("reason", "");
        String key = KppsController.validKey(form.get("idempotencyKey"));
        if (!notNumbers.isEmpty()) {
            return render(model, submission, typed, reason, "Isi dengan angka saja (tanpa titik atau huruf): "
                    + String.join(", ", notNumbers) + ".", key, List.of());
        }
        List<Map<String, Object>> changed = new ArrayList<>();
        typed.forEach((k, v) -> {
            if (v != null && !v.equals(draft.get(k))) {
                Map<String, Object> value = new LinkedHashMap<>(); // key first, as recap-service documents it
                value.put("key", k);
                value.put("value", v);
                changed.add(value);
            }
        });
        OfficerRecap.Answer answer = recap.confirm(tps, type, key, id, changed, reason);
        if (answer.ok()) {
            return "redirect:/kpps/tps/" + tps + "/" + type + "/hasil";
        }
        if (answer.status() == 403) {
            throw new KppsAccess.Refused(answer.detail());
        }
        List<Map<String, String>> serverFlags = new ArrayList<>();
        answer.body().path("flags").forEach(f -> serverFlags.add(Map.of("title",
                KppsLabels.check(f.path("code").asString()), "message", f.path("message").asString())));
        return render(model, submission, typed, reason, confirmProblem(answer, tps, type), key, serverFlags);
    }

    /** Why a confirmation was refused, and what to do instead. */
    static String confirmProblem(OfficerRecap.Answer answer, String tps, String type) {
        String detail = answer.detail();
        if (answer.status() == 422 && detail.contains("sudah pernah dikirim")) {
            return "Hasil " + KppsLabels.ballot(type) + " TPS " + tps + " sudah pernah dikonfirmasi. Tidak perlu "
                    + "mengirim lagi kalau angkanya sama (lihat halaman hasil). Kalau angka memang harus diubah, tulis "
                    + "alasan perubahan di kotak alasan, lalu konfirmasi lagi: perubahan dicatat dengan nama Anda.";
        }
        if (answer.status() == 422) {
            return "Angka belum lolos pemeriksaan. Periksa lagi angka yang ditandai dengan foto. Kalau angka di "
                    + "formulir memang begitu, tulis alasannya (minimal 5 huruf) lalu konfirmasi: hasil dikirim "
                    + "sebagai \u201cditandai\u201d dan tidak dihitung sampai diperiksa PPK.";
        }
        if (answer.status() == 409) {
            return detail + " Hubungi PPK kecamatan Anda untuk perubahan.";
        }
        return detail;
    }

    @GetMapping("/kpps/kiriman/{id}/foto/{page}")
    ResponseEntity<byte[]> photo(Authentication authentication, @PathVariable String id,
                                 @PathVariable int page) {
        JsonNode submission = submission(SignedIn.of(authentication), id);
        String sha = photoSha(submission, page);
        byte[] bytes = sha == null ? null : photoBytes(id, page);
        if (bytes == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .contentType(bytes.length > 3 && bytes[0] == (byte) 0x89 ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
                .body(bytes);
    }

    @GetMapping("/kpps/kiriman/{id}/potongan/{key}")
    ResponseEntity<byte[]> crop(Authentication authentication, @PathVariable String id,
                                @PathVariable String key) {
        JsonNode submission = submission(SignedIn.of(authentication), id);
        for (JsonNode field : submission.path("draft")) {
            JsonNode box = field.path("box");
            if (!field.path("key").asString().equals(key) || !box.isObject()) {
                continue;
            }
            int page = field.path("page").asInt(1);
            String sha = photoSha(submission, page);
            if (sha == null) {
                break;
            }
            byte[] jpeg = crops.crop(sha, () -> photoBytes(id, page), box.path("x").asInt(), box.path("y").asInt(),
                    box.path("width").asInt(), box.path("height").asInt());
            if (jpeg != null) {
                return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1))
                        .cachePrivate()).contentType(MediaType.IMAGE_JPEG).body(jpeg);
            }
        }
        return ResponseEntity.notFound().build();
    }

    /**
     * The copy without metadata of one page of the officer's own submission (with the officer's token: a draft's
     * photo is not public); null if there is none.
     */
    private byte[] photoBytes(String id, int page) {
        OfficerRecap.File file = recap.file("/api/recap/submissions/{id}/photos/{p}", id, page);
        if (file.status() == 404) {
            return null;
        }
        if (file.status() < 200 || file.status() >= 300) {
            throw new BackendUnavailable("recap-service", null);
        }
        return file.bytes();
    }

    private JsonNode submission(SignedIn signedIn, String id) {
        KppsAccess.requireKpps(signedIn);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalArgumentException("Nomor pengiriman tidak sah.");
        }
        OfficerRecap.Answer answer = recap.submission(id);
        if (answer.status() == 403) {
            throw new KppsAccess.Refused("Pengiriman ini milik TPS lain. Anda masuk sebagai petugas KPPS TPS "
                    + signedIn.tpsCode() + ": Anda hanya dapat melihat kiriman TPS Anda sendiri.");
        }
        if (!answer.ok()) {
            throw new IllegalArgumentException("Pengiriman foto itu tidak ada. Mulai lagi dari halaman TPS Anda.");
        }
        KppsAccess.requireOwnTps(signedIn, answer.body().path("tpsCode").asString());
        return answer.body();
    }

    private static String photoSha(JsonNode submission, int page) {
        for (JsonNode photo : submission.path("photos")) {
            if (photo.path("page").asInt() == page) {
                return photo.path("sha256").asString();
            }
        }
        return null;
    }

    private String render(Model model, JsonNode submission, Map<String, Integer> values, String reason, String error,
                          String idempotencyKey, List<Map<String, String>> serverFlags) {
        String id = submission.path("submissionId").asString();
        String tps = submission.path("tpsCode").asString();
        String type = submission.path("ballotType").asString();
        TpsInfo.Tps info = tpsInfo.of(tps);
        model.addAttribute("tps", info);
        model.addAttribute("type", type);
        model.addAttribute("ballotName", KppsLabels.ballot(type));
        model.addAttribute("submissionId", id);
        List<Map<String, Object>> photos = new ArrayList<>();
        submission.path("photos").forEach(p -> photos.add(Map.of("page", p.path("page").asInt(),
                "url", "/kpps/kiriman/" + id + "/foto/" + p.path("page").asInt(),
                "width", p.path("width").asInt(), "height", p.path("height").asInt())));
        model.addAttribute("photos", photos);
        model.addAttribute("nextPage", photos.size() + 1);

        // which state: another TPS's form, still reading, unreadable, or the draft
        String qrOther = null;
        for (JsonNode flag : submission.path("flags")) {
            if ("QR_TPS_MISMATCH".equals(flag.path("code").asString())) {
                qrOther = flag.path("message").asString();
            }
        }
        List<Integer> readPages = new ArrayList<>();
        String unreadable = null;
        for (JsonNode reading : submission.path("readings")) {
            readPages.add(reading.path("page").asInt());
            String why = reading.path("reason").asString("");
            if (why.startsWith("formulir salah: kode QR")) {
                qrOther = why;
            } else if ("UNREADABLE".equals(reading.path("outcome").asString())) {
                unreadable = why;
            }
        }
        boolean reading = photos.stream().anyMatch(p -> !readPages.contains((Integer) p.get("page")));
        String state = qrOther != null ? "wrong-tps" : reading ? "reading"
                : values.isEmpty() && unreadable != null ? "unreadable" : values.isEmpty() ? "reading" : "draft";
        model.addAttribute("state", state);
        model.addAttribute("wrongTps", qrOther == null ? null : "Foto ini bukan formulir C.Hasil TPS " + tps
                + " (" + qrOther.replaceFirst("^formulir salah: ", "") + "). Ambil foto formulir TPS Anda sendiri, "
                + "lalu kirim lagi.");
        model.addAttribute("unreadable", unreadable);

        // fields: those that need a look first, each with its crop; the rest in form order
        List<Map<String, Object>> fields = new ArrayList<>();
        for (JsonNode f : submission.path("draft")) {
            String key = f.path("key").asString();
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", key);
            field.put("label", KppsLabels.field(key));
            field.put("read", f.path("value").isNumber() ? f.path("value").asInt() : null);
            field.put("value", values.get(key));
            boolean review = f.path("needsReview").asBoolean() || f.path("readingsDisagree").asBoolean();
            field.put("review", review);
            field.put("why", f.path("readingsDisagree").asBoolean() ? "dua pembacaan berbeda"
                    : f.path("value").isNumber() ? "mesin ragu" : "tidak terbaca");
            field.put("crop", f.path("box").isObject() ? "/kpps/kiriman/" + id + "/potongan/" + key : null);
            // the reader's hint on a form it read as written (its sums do not close): shown, never filled in
            field.put("suggested", f.path("suggested").isNumber() ? f.path("suggested").asInt() : null);
            fields.add(field);
        }
        fields.sort(Comparator.comparing(f -> !(Boolean) f.get("review")));
        model.addAttribute("fields", fields);
        model.addAttribute("reviewCount", fields.stream().filter(f -> (Boolean) f.get("review")).count());

        List<String> keys = fields.stream().map(f -> (String) f.get("key")).toList();
        int maxVoters = type.startsWith("PILKADA") ? 600 : 300;
        List<FormChecks.Rule> rules = FormChecks.rules(keys, info.dpt(), maxVoters, reservePercent, reserveTolerance);
        model.addAttribute("rulesJson", JSON.writeValueAsString(rules));
        model.addAttribute("failures", FormChecks.evaluate(rules, values));
        model.addAttribute("reason", reason);
        model.addAttribute("error", error);
        model.addAttribute("serverFlags", serverFlags);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("flags", submission.path("flags"));
        return "kpps/draf";
    }
}
