package id.pemilu.portal.rekap;

import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.kpps.FormChecks;
import id.pemilu.portal.signin.SignedIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * One TPS under review: the C.Hasil photo (zoom and rotate by links, a script only makes it quicker) beside the
 * numbers, the machine reading against the confirmed numbers, the failing checks in words, the history (who, role,
 * why), and the actions verify / correct / dispute, each with a written reason. While the kecamatan's session runs,
 * verify and correct go through the session (they appear in its D.Hasil); otherwise through the TPS review.
 */
@Controller
class TpsReviewController {

    static final String FIELD_PREFIX = "v:";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OfficerRecap recap;
    private final Concerns concerns;
    private final int reservePercent;
    private final int reserveTolerance;

    TpsReviewController(OfficerRecap recap, Concerns concerns,
                        @Value("${pemilu.portal.kpps.reserve-percent:2}") int reservePercent,
                        @Value("${pemilu.portal.kpps.reserve-tolerance:2}") int reserveTolerance) {
        this.recap = recap;
        this.concerns = concerns;
        this.reservePercent = reservePercent;
        this.reserveTolerance = reserveTolerance;
    }

    @GetMapping("/rekap/{type}/tps/{tps}")
    String review(Authentication authentication, @PathVariable String type, @PathVariable String tps,
                  @RequestParam(defaultValue = "0") int putar, @RequestParam(defaultValue = "1") int perbesar,
                  Model model) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        JsonNode result = result(type, tps);
        Map<String, Integer> values = values(result);
        return render(model, staff, type, tps, result, values, null, null, null, List.of(), putar, perbesar);
    }

    @PostMapping("/rekap/{type}/tps/{tps}/verifikasi")
    String verify(Authentication authentication, @PathVariable String type, @PathVariable String tps,
                  @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        JsonNode result = result(type, tps);
        if (reason.strip().length() < 5) {
            return render(model, staff, type, tps, result, values(result), "verify", reason,
                    "Verifikasi belum dicatat: tulis alasannya (minimal 5 huruf), mis. \u201ccocok dengan C.Hasil "
                            + "kertas\u201d.", List.of(), 0, 1);
        }
        String kecamatan = tps.substring(0, 8);
        OfficerRecap.Answer answer = sessionActive(type, kecamatan)
                ? recap.post(Map.of("reason", reason.strip()), "/api/recap/sessions/{t}/{r}/tps/{p}/verify", type,
                kecamatan, tps)
                : recap.post(Map.of("decision", "verified", "reason", reason.strip()),
                "/api/recap/tps/{p}/ballots/{t}/review", tps, type);
        answer.orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            return render(model, staff, type, tps, result, values(result), "verify", reason,
                    "Verifikasi ditolak: " + answer.detail() + whatToDo(answer), flags(answer), 0, 1);
        }
        redirect.addFlashAttribute("done", "Hasil TPS " + tps + " dinyatakan terverifikasi, dicatat atas nama "
                + staff.username() + " dengan alasan: \u201c" + reason.strip() + "\u201d.");
        return "redirect:/rekap/" + type + "/tps/" + tps;
    }

    @PostMapping("/rekap/{type}/tps/{tps}/koreksi")
    String correct(Authentication authentication, @PathVariable String type, @PathVariable String tps,
                   @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        JsonNode result = result(type, tps);
        Map<String, Integer> before = values(result);
        Map<String, Integer> typed = new LinkedHashMap<>(before);
        List<String> notNumbers = new ArrayList<>();
        form.forEach((name, raw) -> {
            if (name.startsWith(FIELD_PREFIX) && before.containsKey(name.substring(FIELD_PREFIX.length()))) {
                String key = name.substring(FIELD_PREFIX.length());
                String text = raw == null ? "" : raw.strip();
                if (text.matches("\\d{1,6}")) {
                    typed.put(key, Integer.parseInt(text));
                } else {
                    typed.put(key, null);
                    notNumbers.add(RekapLabels.field(key));
                }
            }
        });
        String reason = form.getOrDefault("reason", "").strip();
        if (!notNumbers.isEmpty()) {
            return render(model, staff, type, tps, result, typed, "correct", reason, "Koreksi belum dikirim: isi "
                    + "dengan angka saja (tanpa titik atau huruf): " + String.join(", ", notNumbers) + ".", List.of(),
                    0, 1);
        }
        List<Map<String, Object>> changed = new ArrayList<>();
        typed.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("key", k);
                value.put("value", v);
                changed.add(value);
            }
        });
        if (changed.isEmpty()) {
            return render(model, staff, type, tps, result, typed, "correct", reason, "Koreksi belum dikirim: tidak "
                    + "ada angka yang berubah. Ubah angka yang keliru, atau pilih \u201cVerifikasi\u201d bila semua "
                    + "angka sudah sesuai C.Hasil kertas.", List.of(), 0, 1);
        }
        if (reason.length() < 5) {
            return render(model, staff, type, tps, result, typed, "correct", reason, "Koreksi belum dikirim: tulis "
                    + "alasannya (minimal 5 huruf), mis. \u201cdicocokkan dengan C.Hasil kertas dalam rapat pleno\u201d.",
                    List.of(), 0, 1);
        }
        List<FormChecks.Failure> failures = FormChecks.evaluate(rules(type, tps, new ArrayList<>(typed.keySet())),
                typed);
        if (!failures.isEmpty()) {
            return render(model, staff, type, tps, result, typed, "correct", reason, "Koreksi belum dikirim: angka "
                    + "koreksi harus lolos semua pemeriksaan. Periksa lagi dengan C.Hasil kertas.", List.of(), 0, 1);
        }
        String kecamatan = tps.substring(0, 8);
        OfficerRecap.Answer answer = sessionActive(type, kecamatan)
                ? recap.post(Map.of("target", tps, "values", changed, "reason", reason),
                "/api/recap/sessions/{t}/{r}/corrections", type, kecamatan)
                : recap.post(Map.of("decision", "corrected", "values", changed, "reason", reason),
                "/api/recap/tps/{p}/ballots/{t}/review", tps, type);
        answer.orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            return render(model, staff, type, tps, result, typed, "correct", reason, "Koreksi ditolak: "
                    + answer.detail() + whatToDo(answer), flags(answer), 0, 1);
        }
        List<String> changes = new ArrayList<>();
        changed.forEach(c -> changes.add(RekapLabels.field((String) c.get("key")) + " " + before.get(c.get("key"))
                + " \u2192 " + c.get("value")));
        redirect.addFlashAttribute("done", "Hasil TPS " + tps + " dikoreksi: " + String.join("; ", changes)
                + ". Dicatat atas nama " + staff.username() + " dengan alasan: \u201c" + reason + "\u201d. Hasil "
                + "ini kini dihitung.");
        return "redirect:/rekap/" + type + "/tps/" + tps;
    }

    @PostMapping("/rekap/{type}/tps/{tps}/persoalkan")
    String dispute(Authentication authentication, @PathVariable String type, @PathVariable String tps,
                   @RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        JsonNode result = result(type, tps);
        if (reason.strip().length() < 5) {
            return render(model, staff, type, tps, result, values(result), "dispute", reason,
                    "Belum dipersoalkan: tulis alasannya (minimal 5 huruf), mis. \u201csaksi menyatakan C.Hasil "
                            + "berbeda\u201d.", List.of(), 0, 1);
        }
        OfficerRecap.Answer answer = recap.post(Map.of("decision", "disputed", "reason", reason.strip()),
                "/api/recap/tps/{p}/ballots/{t}/review", tps, type).orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            return render(model, staff, type, tps, result, values(result), "dispute", reason,
                    "Tidak dapat dipersoalkan: " + answer.detail() + whatToDo(answer), flags(answer), 0, 1);
        }
        redirect.addFlashAttribute("done", "Hasil TPS " + tps + " dipersoalkan: tidak dihitung sampai "
                + "diselesaikan (koreksi, verifikasi, atau keputusan dalam sesi). Alasan tercatat: \u201c"
                + reason.strip() + "\u201d.");
        return "redirect:/rekap/" + type + "/tps/" + tps;
    }

    @GetMapping("/rekap/{type}/tps/{tps}/foto/{page}")
    ResponseEntity<byte[]> photo(Authentication authentication, @PathVariable String type, @PathVariable String tps,
                                 @PathVariable int page) {
        RekapAccess.requireStaff(SignedIn.of(authentication));
        JsonNode result = result(type, tps);
        String submission = result.path("submissionId").asString("");
        if (submission.isBlank()) {
            return ResponseEntity.notFound().build();
        }
        OfficerRecap.File file = recap.file("/api/recap/submissions/{id}/photos/{p}", submission, page);
        if (file.status() == 403) {
            throw new RekapAccess.Refused(file.detail());
        }
        if (file.status() != 200) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
                .contentType(file.contentType() == null ? MediaType.IMAGE_JPEG
                        : MediaType.parseMediaType(file.contentType())).body(file.bytes());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private JsonNode result(String type, String tps) {
        RekapAccess.validType(type);
        RekapAccess.validTps(tps);
        OfficerRecap.Answer answer = recap.get("/api/recap/tps/{p}/ballots/{t}", tps, type).orThrow(RekapAccess.Refused::new);
        if (answer.status() == 404) {
            return null;
        }
        if (!answer.ok()) {
            throw new IllegalArgumentException(answer.detail());
        }
        return answer.body();
    }

    private boolean sessionActive(String type, String kecamatan) {
        OfficerRecap.Answer session = recap.get("/api/recap/sessions/{t}/{r}", type, kecamatan);
        String status = session.ok() ? session.body().path("status").asString("") : "";
        return status.equals("open") || status.equals("in_progress") || status.equals("reopened");
    }

    private static Map<String, Integer> values(JsonNode result) {
        Map<String, Integer> values = new LinkedHashMap<>();
        if (result != null) {
            result.path("values").forEach(v -> values.put(v.path("key").asString(),
                    v.path("value").isNumber() ? v.path("value").asInt() : null));
        }
        return values;
    }

    private List<FormChecks.Rule> rules(String type, String tps, List<String> keys) {
        JsonNode station = recap.get("/api/recap/public/tps/{c}", tps).body();
        int dpt = station.path("dpt").asInt(0);
        return FormChecks.rules(keys, dpt, type.startsWith("PILKADA") ? 600 : 300, reservePercent, reserveTolerance);
    }

    private static List<Map<String, String>> flags(OfficerRecap.Answer answer) {
        List<Map<String, String>> out = new ArrayList<>();
        answer.body().path("flags").forEach(f -> out.add(Map.of("title", RekapLabels.check(f.path("code").asString()),
                "message", f.path("message").asString())));
        return out;
    }

    /** What the officer can do after a refusal, by its kind. */
    static String whatToDo(OfficerRecap.Answer answer) {
        return switch (answer.status()) {
            case 409 -> " Bila D.Hasil kecamatan sudah ditetapkan, perubahan hanya setelah dibuka kembali oleh KPU "
                    + "kabupaten/kota; catat perubahan lewat sesi rekapitulasi.";
            case 422 -> " Samakan angka dengan C.Hasil kertas; semua penjumlahan harus cocok.";
            case 404 -> " Muat ulang halaman; bila TPS belum punya hasil, catat keputusan (mis. PSU) di sesi "
                    + "rekapitulasi.";
            default -> "";
        };
    }

    private String render(Model model, SignedIn staff, String type, String tps, JsonNode result,
                          Map<String, Integer> typed, String action, String reason, String error,
                          List<Map<String, String>> serverFlags, int rotate, int zoom) {
        String kecamatan = tps.substring(0, 8);
        model.addAttribute("type", type);
        model.addAttribute("ballotName", RekapLabels.ballot(type));
        model.addAttribute("tps", tps);
        model.addAttribute("kecamatan", kecamatan);
        JsonNode station = recap.get("/api/recap/public/tps/{c}", tps).body();
        List<String> names = new ArrayList<>();
        station.path("path").forEach(p -> names.add(0, p.path("name").asString()));
        model.addAttribute("place", String.join(", ", names));
        model.addAttribute("dpt", station.path("dpt").asInt(0));
        model.addAttribute("result", result);
        model.addAttribute("error", error);
        model.addAttribute("action", action);
        model.addAttribute("reason", reason);
        model.addAttribute("serverFlags", serverFlags);
        int r = Math.floorMod(rotate, 360) / 90 * 90;
        int z = Math.max(1, Math.min(3, zoom));
        model.addAttribute("rotate", r);
        model.addAttribute("zoom", z);
        model.addAttribute("canAct", RekapAccess.officerRole(staff) != null);
        model.addAttribute("sessionActive", result != null && sessionActive(type, kecamatan));
        model.addAttribute("concerns", concerns.ofTps(tps));
        if (result == null) {
            return "rekap/tps";
        }
        String status = result.path("status").asString();
        model.addAttribute("status", status);
        model.addAttribute("statusLabel", RekapLabels.status(status));
        model.addAttribute("version", result.path("resultVersion").asLong());
        List<Map<String, String>> flags = new ArrayList<>();
        result.path("flags").forEach(f -> flags.add(Map.of("code", f.path("code").asString(),
                "title", RekapLabels.check(f.path("code").asString()), "message", f.path("message").asString())));
        model.addAttribute("flags", flags);

        // the machine reading of the submission the result came from, if any, and its photos
        Map<String, Integer> machine = new LinkedHashMap<>();
        List<Map<String, Object>> photos = new ArrayList<>();
        String submission = result.path("submissionId").asString("");
        if (!submission.isBlank()) {
            OfficerRecap.Answer s = recap.get("/api/recap/submissions/{id}", submission);
            if (s.ok()) {
                s.body().path("draft").forEach(f -> machine.put(f.path("key").asString(),
                        f.path("value").isNumber() ? f.path("value").asInt() : null));
                s.body().path("photos").forEach(p -> photos.add(Map.of("page", p.path("page").asInt(),
                        "url", "/rekap/" + type + "/tps/" + tps + "/foto/" + p.path("page").asInt(),
                        "width", p.path("width").asInt(), "height", p.path("height").asInt())));
            }
        }
        model.addAttribute("photos", photos);
        model.addAttribute("hasReading", !machine.isEmpty());
        Map<String, Integer> confirmed = values(result);
        List<Map<String, Object>> fields = new ArrayList<>();
        int differ = 0;
        for (Map.Entry<String, Integer> e : confirmed.entrySet()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("key", e.getKey());
            field.put("label", RekapLabels.field(e.getKey()));
            field.put("value", e.getValue());
            field.put("typed", typed.get(e.getKey()));
            boolean read = machine.containsKey(e.getKey());
            Integer m = machine.get(e.getKey());
            field.put("read", read ? (m == null ? "tidak terbaca" : String.valueOf(m)) : "–");
            boolean differs = read && (m == null || !m.equals(e.getValue()));
            field.put("differs", differs);
            differ += differs ? 1 : 0;
            fields.add(field);
        }
        model.addAttribute("fields", fields);
        model.addAttribute("differ", differ);
        List<FormChecks.Rule> rules = rules(type, tps, new ArrayList<>(confirmed.keySet()));
        model.addAttribute("rulesJson", JSON.writeValueAsString(rules));
        model.addAttribute("failures", FormChecks.evaluate(rules, typed));

        List<Map<String, String>> history = new ArrayList<>();
        Map<String, Integer> previous = new LinkedHashMap<>();
        for (JsonNode h : result.path("history")) {
            Map<String, Integer> now = new LinkedHashMap<>();
            h.path("values").forEach(v -> now.put(v.path("key").asString(),
                    v.path("value").isNumber() ? v.path("value").asInt() : null));
            List<String> changes = new ArrayList<>();
            if (!previous.isEmpty()) {
                now.forEach((k, v) -> {
                    if (!java.util.Objects.equals(previous.get(k), v)) {
                        changes.add(RekapLabels.field(k) + " " + previous.get(k) + " \u2192 " + v);
                    }
                });
            }
            if (!now.isEmpty()) {
                previous.clear();
                previous.putAll(now);
            }
            Map<String, String> change = new LinkedHashMap<>();
            change.put("version", h.path("resultVersion").asString(""));
            change.put("status", RekapLabels.status(h.path("status").asString("").toLowerCase()));
            change.put("by", h.path("by").asString(""));
            change.put("role", RekapLabels.role(h.path("role").asString("")));
            change.put("at", RekapLabels.time(h.path("at").isString() ? h.path("at").asString() : null));
            change.put("reason", h.path("reason").asString(""));
            change.put("changes", String.join("; ", changes));
            history.add(0, change);
        }
        model.addAttribute("history", history);
        return "rekap/tps";
    }
}
