package id.pemilu.portal.rekap;

import id.pemilu.portal.backend.OfficerRecap;
import id.pemilu.portal.signin.SignedIn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
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
 * The rekapitulasi session of a region and ballot type: what blocks opening or finalizing it, its children, decisions
 * for TPS without a result (PSU), objections of witnesses and their answers (accepted with a linked correction, or
 * rejected with a reason), special events, finalizing into a signed D.Hasil (PDF to view and download), the live totals
 * against the D.Hasil, and reopening for the tier allowed to. recap-service decides every action; the page says what it
 * did or why it was refused.
 */
@Controller
class SessionPagesController {

    private static final String REGION = "{region:ID|\\d{2}(?:\\.\\d{2}){0,2}}";

    private final OfficerRecap recap;

    SessionPagesController(OfficerRecap recap) {
        this.recap = recap;
    }

    @GetMapping("/rekap/{type}/" + REGION + "/sesi")
    String session(Authentication authentication, @PathVariable String type, @PathVariable String region,
                   Model model) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        return render(model, staff, type, region, null, List.of(), null);
    }

    @PostMapping("/rekap/{type}/" + REGION + "/sesi/{action:keputusan|buka|keberatan|kejadian|tetapkan|buka-kembali}")
    String act(Authentication authentication, @PathVariable String type, @PathVariable String region,
               @PathVariable String action, @RequestParam Map<String, String> form, Model model,
               RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        RekapAccess.validType(type);
        RekapAccess.tierOf(region);
        String base = "/api/recap/sessions/{t}/{r}";
        OfficerRecap.Answer answer = switch (action) {
            case "keputusan" -> recap.post(Map.of("tpsCode", form.getOrDefault("tpsCode", ""),
                    "decision", form.getOrDefault("decision", ""), "reason", form.getOrDefault("reason", "").strip()),
                    base + "/decisions", type, region);
            case "buka" -> recap.post(null, base + "/open", type, region);
            case "keberatan" -> recap.post(objection(form), base + "/objections", type, region);
            case "kejadian" -> recap.post(event(form), base + "/events", type, region);
            case "tetapkan" -> recap.post(null, base + "/finalize", type, region);
            default -> recap.post(Map.of("reason", form.getOrDefault("reason", "").strip()), base + "/reopen", type,
                    region);
        };
        answer.orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            return render(model, staff, type, region, refusal(action, answer), notReady(answer), action);
        }
        redirect.addFlashAttribute("done", done(action, answer.body(), form));
        return "redirect:/rekap/" + type + "/" + region + "/sesi" + (action.equals("tetapkan") ? "#dhasil" : "");
    }

    @PostMapping("/rekap/{type}/" + REGION + "/sesi/keberatan/{id}/jawab")
    String answer(Authentication authentication, @PathVariable String type, @PathVariable String region,
                  @PathVariable String id, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect) {
        SignedIn staff = RekapAccess.requireStaff(SignedIn.of(authentication));
        RekapAccess.validType(type);
        if (!id.matches("K-\\d{1,5}")) {
            throw new IllegalArgumentException("Nomor keberatan tidak sah.");
        }
        String decision = form.getOrDefault("decision", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("reason", form.getOrDefault("reason", "").strip());
        List<Map<String, Object>> values = new ArrayList<>();
        if ("accepted".equals(decision)) {
            List<String> bad = new ArrayList<>();
            form.forEach((name, raw) -> {
                if (name.startsWith("v:") && raw != null && !raw.strip().equals(form.get("was:" + name.substring(2)))) {
                    if (raw.strip().matches("\\d{1,9}")) {
                        values.add(Map.of("key", name.substring(2), "value", Long.parseLong(raw.strip())));
                    } else {
                        bad.add(RekapLabels.field(name.substring(2)));
                    }
                }
            });
            if (!bad.isEmpty()) {
                return render(model, staff, type, region, "Jawaban belum dikirim: isi angka saja untuk "
                        + String.join(", ", bad) + ".", List.of(), "jawab-" + id);
            }
            if (values.isEmpty()) {
                return render(model, staff, type, region, "Jawaban belum dikirim: keberatan yang diterima wajib "
                        + "disertai angka perbaikannya. Ubah angka yang keliru pada keberatan " + id + ", atau pilih "
                        + "\u201ctolak\u201d dengan alasan.", List.of(), "jawab-" + id);
            }
            body.put("values", values);
        }
        OfficerRecap.Answer answer = recap.post(body, "/api/recap/sessions/{t}/{r}/objections/{id}/answer", type,
                region, id).orThrow(RekapAccess.Refused::new);
        if (!answer.ok()) {
            return render(model, staff, type, region, "Jawaban atas keberatan " + id + " ditolak: " + answer.detail()
                    + flagsText(answer), notReady(answer), "jawab-" + id);
        }
        String text;
        if ("accepted".equals(decision)) {
            JsonNode c = last(answer.body().path("corrections"));
            List<String> changes = new ArrayList<>();
            c.path("changes").forEach(f -> changes.add(RekapLabels.field(f.path("key").asString()) + " "
                    + f.path("before").asString() + " \u2192 " + f.path("after").asString()));
            text = "Keberatan " + id + " diterima. Koreksi " + c.path("id").asString() + " atas "
                    + c.path("target").asString() + " tercatat dan tertaut ke keberatan: " + String.join("; ", changes)
                    + ".";
        } else {
            text = "Keberatan " + id + " ditolak dengan alasan: \u201c" + body.get("reason") + "\u201d.";
        }
        redirect.addFlashAttribute("done", text);
        return "redirect:/rekap/" + type + "/" + region + "/sesi";
    }

    @GetMapping("/rekap/{type}/" + REGION + "/dhasil/{version}.pdf")
    ResponseEntity<byte[]> pdf(Authentication authentication, @PathVariable String type, @PathVariable String region,
                               @PathVariable int version, @RequestParam(defaultValue = "false") boolean unduh) {
        RekapAccess.requireStaff(SignedIn.of(authentication));
        RekapAccess.validType(type);
        OfficerRecap.File file = recap.file("/api/recap/public/dhasil/{t}/{r}/versions/{n}/pdf", type, region, version);
        if (file.status() == 403) {
            throw new RekapAccess.Refused(file.detail());
        }
        if (file.status() != 200) {
            throw new IllegalArgumentException("D.Hasil " + region + " versi " + version + " tidak ada.");
        }
        String name = "d-hasil-" + type.toLowerCase() + "-" + region + "-v" + version + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, (unduh ? ContentDisposition.attachment()
                        : ContentDisposition.inline()).filename(name).build().toString())
                .body(file.bytes());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Map<String, Object> objection(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filedBy", form.getOrDefault("filedBy", "").strip());
        body.put("represents", form.getOrDefault("represents", "").strip());
        body.put("target", form.getOrDefault("target", "").strip());
        String field = form.getOrDefault("field", "").strip();
        if (!field.isEmpty()) {
            body.put("field", field);
        }
        body.put("claim", form.getOrDefault("claim", "").strip());
        return body;
    }

    private static Map<String, Object> event(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        String target = form.getOrDefault("target", "").strip();
        if (!target.isEmpty()) {
            body.put("target", target);
        }
        body.put("description", form.getOrDefault("description", "").strip());
        return body;
    }

    private static String refusal(String action, OfficerRecap.Answer answer) {
        String what = switch (action) {
            case "keputusan" -> "Keputusan belum tercatat";
            case "buka" -> "Sesi belum dapat dibuka";
            case "keberatan" -> "Keberatan belum tercatat";
            case "kejadian" -> "Kejadian khusus belum tercatat";
            case "tetapkan" -> "D.Hasil belum dapat ditetapkan";
            default -> "D.Hasil belum dibuka kembali";
        };
        String advice = switch (action) {
            case "buka" -> " Selesaikan dahulu setiap hal di daftar: kirim atau koreksi hasil TPS, atau catat "
                    + "keputusan (mis. PSU) dengan alasan.";
            case "tetapkan" -> " Jawab setiap keberatan dan selesaikan setiap TPS/wilayah di daftar, lalu tetapkan "
                    + "lagi.";
            default -> "";
        };
        return what + ": " + answer.detail() + flagsText(answer) + advice;
    }

    private static String flagsText(OfficerRecap.Answer answer) {
        List<String> out = new ArrayList<>();
        answer.body().path("flags").forEach(f -> out.add(f.path("message").asString()));
        return out.isEmpty() ? "" : " (" + String.join("; ", out) + ")";
    }

    private static List<String> notReady(OfficerRecap.Answer answer) {
        List<String> out = new ArrayList<>();
        answer.body().path("notReady").forEach(n -> out.add(n.asString()));
        return out;
    }

    private static JsonNode last(JsonNode array) {
        return array.size() == 0 ? array : array.get(array.size() - 1);
    }

    private static String done(String action, JsonNode body, Map<String, String> form) {
        return switch (action) {
            case "keputusan" -> {
                JsonNode d = last(body.path("decisions"));
                yield "Keputusan tercatat: TPS " + d.path("tpsCode").asString() + " " + d.path("decision").asString()
                        + ", alasan: \u201c" + d.path("reason").asString() + "\u201d.";
            }
            case "buka" -> "Sesi rekapitulasi " + body.path("regionName").asString() + " dibuka oleh "
                    + body.path("openedBy").asString() + ". Keberatan, koreksi dan kejadian khusus kini dapat dicatat.";
            case "keberatan" -> {
                JsonNode o = last(body.path("objections"));
                yield "Keberatan " + o.path("id").asString() + " dari " + o.path("filedBy").asString() + " ("
                        + o.path("represents").asString() + ") atas " + o.path("target").asString()
                        + " tercatat. Jawab keberatan ini sebelum D.Hasil ditetapkan.";
            }
            case "kejadian" -> {
                JsonNode e = last(body.path("events"));
                yield "Kejadian khusus " + e.path("id").asString() + " tercatat: " + e.path("description").asString();
            }
            case "tetapkan" -> "D.Hasil " + body.path("regionCode").asString() + " versi "
                    + body.path("version").asString() + " ditetapkan dan ditandatangani (SHA-256 "
                    + body.path("sha256").asString().substring(0, Math.min(16, body.path("sha256").asString().length()))
                    + "\u2026). PDF dan verifikasi publik tersedia di bawah.";
            default -> "D.Hasil dibuka kembali (sesi versi " + body.path("version").asString() + ") dengan alasan: "
                    + "\u201c" + form.getOrDefault("reason", "").strip() + "\u201d. Petugas wilayah itu menetapkan "
                    + "versi berikutnya.";
        };
    }

    private String render(Model model, SignedIn staff, String type, String region, String error,
                          List<String> notReady, String failedAction) {
        RekapAccess.validType(type);
        String tier = RekapAccess.tierOf(region);
        boolean kecamatan = "KECAMATAN".equals(tier);
        OfficerRecap.Answer sessionAnswer = recap.get("/api/recap/sessions/{t}/{r}", type, region).orThrow(RekapAccess.Refused::new);
        JsonNode session = sessionAnswer.ok() ? sessionAnswer.body() : null;
        JsonNode readiness = recap.get("/api/recap/sessions/{t}/{r}/readiness", type, region).orThrow(RekapAccess.Refused::new).body();
        JsonNode worklist = recap.get("/api/recap/worklist/{t}/{r}", type, region).orThrow(RekapAccess.Refused::new).body();
        OfficerRecap.Answer dhasil = recap.get("/api/recap/public/dhasil/{t}/{r}", type, region);
        String status = readiness.path("status").asString("preparing");
        boolean holds = RekapAccess.holdsSession(staff, region);
        boolean active = status.equals("open") || status.equals("in_progress") || status.equals("reopened");

        model.addAttribute("type", type);
        model.addAttribute("ballotName", RekapLabels.ballot(type));
        model.addAttribute("region", region);
        model.addAttribute("regionName", worklist.path("regionName").asString(region));
        model.addAttribute("tier", tier);
        model.addAttribute("tierLabel", RekapLabels.tier(tier));
        model.addAttribute("officerLabel", RekapLabels.officer(tier));
        model.addAttribute("kecamatan", kecamatan);
        model.addAttribute("recapSession", session);
        model.addAttribute("status", status);
        model.addAttribute("statusLabel", RekapLabels.session(status));
        model.addAttribute("readiness", readiness);
        model.addAttribute("holds", holds);
        model.addAttribute("active", active);
        model.addAttribute("preparing", status.equals("preparing"));
        model.addAttribute("finalized", status.equals("finalized"));
        model.addAttribute("mayReopen", status.equals("finalized") && RekapAccess.mayReopen(staff, region));
        model.addAttribute("error", error);
        model.addAttribute("notReady", notReady);
        model.addAttribute("failedAction", failedAction);
        model.addAttribute("counts", worklist.path("counts"));

        // the children to go through: TPS of the kecamatan or child regions, with their state
        List<Map<String, Object>> children = new ArrayList<>();
        List<String> withoutResult = new ArrayList<>();
        for (JsonNode r : worklist.path("rows")) {
            Map<String, Object> child = new LinkedHashMap<>();
            String code = r.path("code").asString();
            String st = r.path("status").asString("");
            child.put("code", code);
            child.put("name", r.path("name").asString());
            child.put("parentName", r.path("parentName").asString(""));
            child.put("status", st);
            child.put("statusLabel", kecamatan ? RekapLabels.status(st) : RekapLabels.session(st));
            child.put("decision", r.path("decision").isString() ? r.path("decision").asString() : null);
            child.put("dHasil", r.path("dHasilVersion").asInt());
            child.put("href", kecamatan ? "/rekap/" + type + "/tps/" + code : "/rekap/" + type + "/" + code + "/sesi");
            child.put("settled", kecamatan ? r.path("decision").isString() || st.equals("submitted")
                    || st.equals("verified") || st.equals("corrected") : st.equals("finalized"));
            children.add(child);
            if (kecamatan && !r.path("decision").isString() && (st.equals("belum_masuk") || st.equals("flagged"))) {
                withoutResult.add(code);
            }
        }
        model.addAttribute("children", children);
        model.addAttribute("withoutResult", withoutResult);

        // objections with the figures of their target, for an answer with corrected numbers
        List<Map<String, Object>> objections = new ArrayList<>();
        if (session != null) {
            for (JsonNode o : session.path("objections")) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", o.path("id").asString());
                item.put("target", o.path("target").asString());
                item.put("field", o.path("field").isString() ? RekapLabels.field(o.path("field").asString()) : "");
                item.put("filedBy", o.path("filedBy").asString());
                item.put("represents", o.path("represents").asString());
                item.put("claim", o.path("claim").asString());
                item.put("recordedBy", o.path("recordedBy").asString());
                item.put("at", RekapLabels.time(o.path("recordedAt").isString() ? o.path("recordedAt").asString() : null));
                JsonNode a = o.path("answer");
                item.put("answered", a.isObject());
                item.put("answer", a.isObject() ? ("accepted".equals(a.path("decision").asString()) ? "diterima"
                        : "ditolak") : null);
                item.put("answerReason", a.path("reason").asString(""));
                item.put("correctionId", a.path("correctionId").isString() ? a.path("correctionId").asString() : null);
                item.put("answeredBy", a.path("by").asString(""));
                if (!a.isObject() && holds && active) {
                    item.put("figures", figures(type, region, kecamatan, o.path("target").asString(),
                            o.path("field").asString("")));
                }
                objections.add(item);
            }
        }
        model.addAttribute("objections", objections);
        model.addAttribute("targets", children.stream().map(c -> (String) c.get("code")).toList());

        // the D.Hasil, its versions, and live against legal
        JsonNode d = dhasil.ok() ? dhasil.body() : null;
        model.addAttribute("dhasil", d == null ? null : d.path("dHasil"));
        model.addAttribute("live", d == null ? null : d.path("live"));
        List<Integer> versions = new ArrayList<>();
        if (d != null) {
            for (int v = d.path("dHasil").path("version").asInt(); v >= 1; v--) {
                versions.add(v);
            }
            List<Map<String, String>> differences = new ArrayList<>();
            d.path("live").path("differences").forEach(x -> {
                Map<String, String> diff = new LinkedHashMap<>();
                diff.put("target", x.path("target").asString(""));
                diff.put("key", x.path("key").isString() ? RekapLabels.field(x.path("key").asString()) : "");
                diff.put("dHasil", x.path("dHasil").isNumber() ? x.path("dHasil").asString() : "–");
                diff.put("live", x.path("live").isNumber() ? x.path("live").asString() : "–");
                diff.put("note", x.path("note").asString(""));
                differences.add(diff);
            });
            model.addAttribute("differences", differences);
            List<Map<String, String>> totals = new ArrayList<>();
            d.path("dHasil").path("totals").forEach(t -> {
                if (t.path("key").asString().startsWith("votes.")) {
                    totals.add(Map.of("label", RekapLabels.field(t.path("key").asString()),
                            "value", t.path("value").asString()));
                }
            });
            model.addAttribute("totals", totals);
        }
        model.addAttribute("versions", versions);

        List<Map<String, String>> log = new ArrayList<>();
        if (session != null) {
            session.path("log").forEach(l -> log.add(0, Map.of("at", RekapLabels.time(l.path("at").isString()
                            ? l.path("at").asString() : null), "by", l.path("by").asString(""),
                    "role", RekapLabels.role(l.path("role").asString("")), "action", l.path("action").asString(""),
                    "detail", l.path("detail").asString(""))));
        }
        model.addAttribute("log", log);
        return "rekap/sesi";
    }

    /** The current figures of an objection's target (TPS result or child D.Hasil), vote fields first. */
    private List<Map<String, Object>> figures(String type, String region, boolean kecamatan, String target,
                                              String field) {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode values;
        if (kecamatan) {
            OfficerRecap.Answer r = recap.get("/api/recap/tps/{p}/ballots/{t}", target, type);
            values = r.ok() ? r.body().path("values") : null;
        } else {
            OfficerRecap.Answer r = recap.get("/api/recap/public/dhasil/{t}/{r}", type, target);
            values = r.ok() ? r.body().path("dHasil").path("totals") : null;
        }
        if (values == null) {
            return out;
        }
        for (JsonNode v : values) {
            String key = v.path("key").asString();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("key", key);
            f.put("label", RekapLabels.field(key));
            f.put("value", v.path("value").asString());
            f.put("votes", key.startsWith("votes."));
            f.put("claimed", key.equals(field));
            out.add(f);
        }
        return out;
    }
}
