package id.pemilu.portal.silon;

import id.pemilu.portal.signin.SignedIn;
import id.pemilu.portal.sipol.Plain;
import id.pemilu.portal.sipol.SipolAccess;
import id.pemilu.portal.sipol.SipolLabels;
import id.pemilu.portal.sipol.StaffApi;
import id.pemilu.portal.sipol.StaffClients;
import id.pemilu.portal.sipol.StaffRefused;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
 * Silon for party operators and KPU: the candidate list editor per dapil (add, order up/down, gender, documents;
 * every rule checked by candidate-service on each change, each violation shown next to its position), submit, the
 * MS/TMS verdicts, public feedback and its clarification, moving a candidate between dapil after the DCS; for KPU the
 * verification queue, publishing the DCS, finalizing (and for KPU RI reopening) the DCT, and the parties' ballot
 * numbers. Plain forms: every change is one POST and one PUT of the list to the service.
 */
@Controller
public class SilonController {

    private final StaffApi api;

    SilonController(StaffClients.Silon silon) {
        this.api = silon.api();
    }

    @GetMapping("/silon")
    String home(Authentication authentication, @RequestParam(required = false) String lembaga, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        StaffApi.Answer dapil = api.get("/api/dapil");
        refuseUnlessOk(dapil, who);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode d : dapil.body()) {
            if (lembaga != null && !lembaga.isBlank() && !lembaga.equals(d.path("body").asString())) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", d.path("code").asString());
            row.put("name", d.path("name").asString());
            row.put("body", SilonLabels.BODIES.getOrDefault(d.path("body").asString(), d.path("body").asString()));
            row.put("seats", d.path("seats").asInt());
            row.put("stage", d.path("stage").asString());
            row.put("stageLabel", SilonLabels.STAGES.getOrDefault(d.path("stage").asString(), ""));
            rows.add(row);
        }
        model.addAttribute("dapil", rows);
        model.addAttribute("lembaga", lembaga == null ? "" : lembaga);
        model.addAttribute("bodies", SilonLabels.BODIES);
        roles(model, who);
        return "silon/beranda";
    }

    // ---- the party's list editor

    @GetMapping("/silon/dapil/{dapil}/{party}")
    String editor(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
                  Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        StaffApi.Answer d = api.get("/api/dapil/{d}", dapil);
        refuseUnlessOk(d, who);
        StaffApi.Answer list = api.get("/api/candidates/lists/{d}/{p}", dapil, party);
        if (list.status() == 403) {
            throw SipolAccess.refusedBy(list, who);
        }
        boolean exists = list.ok();
        if (!exists && list.status() != 404) {
            throw new IllegalArgumentException(list.detail());
        }
        String stage = d.body().path("stage").asString();
        String status = exists ? list.body().path("status").asString() : "DRAFT";
        boolean own = SipolAccess.isOperator(who) && party.equals(who.partyId());
        model.addAttribute("dapil", dapilRow(d.body()));
        model.addAttribute("party", party);
        model.addAttribute("exists", exists);
        model.addAttribute("status", status);
        model.addAttribute("statusLabel", SilonLabels.LIST_STATUS.getOrDefault(status, status));
        model.addAttribute("inDcs", exists && list.body().path("inDcs").asBoolean());
        boolean editable = own && ("NOMINATION".equals(stage) && ("DRAFT".equals(status) || "REPAIR".equals(status))
                || "DCS".equals(stage) && exists && list.body().path("inDcs").asBoolean());
        model.addAttribute("editable", editable);
        model.addAttribute("needsReason", "DCS".equals(stage));
        model.addAttribute("canSubmit", own && "NOMINATION".equals(stage) && exists
                && ("DRAFT".equals(status) || "REPAIR".equals(status)));
        List<Map<String, Object>> candidates = new ArrayList<>();
        List<Map<String, Object>> wide = new ArrayList<>();
        JsonNode violations = exists ? list.body().path("violations") : null;
        if (exists) {
            for (JsonNode c : list.body().path("candidates")) {
                Map<String, Object> row = new LinkedHashMap<>(Plain.map(c));
                for (String key : List.of("verdict", "verdictReason", "birthDate", "education", "occupation")) {
                    row.putIfAbsent(key, null);
                }
                row.putIfAbsent("documents", List.of());
                row.put("genderLabel", SilonLabels.gender(c.path("gender").asString()));
                List<Map<String, String>> own1 = new ArrayList<>();
                for (JsonNode v : violations) {
                    if (v.path("position").isNumber() && v.path("position").asInt() == c.path("position").asInt()) {
                        own1.add(Map.of("rule", SilonLabels.rule(v.path("rule").asString()),
                                "code", v.path("rule").asString(), "message", v.path("message").asString()));
                    }
                }
                row.put("violations", own1);
                candidates.add(row);
            }
            for (JsonNode v : violations) {
                if (!v.path("position").isNumber()) {
                    wide.add(Map.of("rule", SilonLabels.rule(v.path("rule").asString()),
                            "code", v.path("rule").asString(), "message", v.path("message").asString()));
                } else if (v.path("position").asInt() > list.body().path("candidates").size()) {
                    wide.add(Map.of("rule", SilonLabels.rule(v.path("rule").asString()),
                            "code", v.path("rule").asString(), "message", v.path("message").asString()));
                }
            }
        }
        model.addAttribute("candidates", candidates);
        model.addAttribute("listViolations", wide);
        model.addAttribute("violationCount", violations == null ? 0 : violations.size());
        model.addAttribute("womenNeeded", (3 * candidates.size() + 9) / 10);
        model.addAttribute("women", candidates.stream().filter(c -> "P".equals(c.get("gender"))).count());
        List<Map<String, String>> changes = new ArrayList<>();
        if (exists) {
            for (JsonNode ch : list.body().path("changes")) {
                changes.add(0, Map.of("at", SipolLabels.time(ch.path("at").asString(null)),
                        "by", ch.path("by").asString(""), "action", ch.path("action").asString(""),
                        "reason", ch.path("reason").asString(""), "summary", ch.path("summary").asString("")));
            }
        }
        model.addAttribute("changes", changes.size() > 10 ? changes.subList(0, 10) : changes);
        model.addAttribute("documents", SilonLabels.DOCUMENTS);
        model.addAttribute("education", SilonLabels.EDUCATION);
        model.addAttribute("occupations", SilonLabels.OCCUPATIONS);
        if ("DCS".equals(stage) && editable) {
            StaffApi.Answer all = api.get("/api/dapil");
            List<Map<String, String>> targets = new ArrayList<>();
            if (all.ok()) {
                for (JsonNode o : all.body()) {
                    if ("DCS".equals(o.path("stage").asString()) && !dapil.equals(o.path("code").asString())
                            && d.body().path("body").asString().equals(o.path("body").asString())) {
                        targets.add(Map.of("code", o.path("code").asString(), "name", o.path("name").asString()));
                    }
                }
            }
            model.addAttribute("moveTargets", targets);
        } else {
            model.addAttribute("moveTargets", List.of());
        }
        roles(model, who);
        return "silon/daftar";
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/tambah")
    String add(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
               @RequestParam Map<String, String> form, @RequestParam(required = false) List<String> documents,
               RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        String nik = form.getOrDefault("nik", "").replaceAll("\\s", "");
        if (!nik.matches("\\d{16}")) {
            redirect.addFlashAttribute("error", "NIK calon harus 16 angka (yang diketik: " + nik.length()
                    + " karakter). Periksa KTP-el calon, lalu tambahkan lagi.");
            redirect.addFlashAttribute("draft", form);
            return editorPage(dapil, party);
        }
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("nik", nik);
        fill(candidate, form, documents);
        String name = String.valueOf(candidate.get("name"));
        return change(who, dapil, party, form.get("reason"), redirect, list -> {
            List<Map<String, Object>> next = new ArrayList<>(list);
            next.add(candidate);
            return next;
        }, name + " ditambahkan di posisi " + "terakhir");
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/calon/{candidateId}/naik")
    String up(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
              @PathVariable String candidateId, @RequestParam(required = false) String reason,
              RedirectAttributes redirect) {
        return shift(authentication, dapil, party, candidateId, -1, reason, redirect);
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/calon/{candidateId}/turun")
    String down(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
                @PathVariable String candidateId, @RequestParam(required = false) String reason,
                RedirectAttributes redirect) {
        return shift(authentication, dapil, party, candidateId, 1, reason, redirect);
    }

    private String shift(Authentication authentication, String dapil, String party, String candidateId, int by,
                         String reason, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        String[] moved = new String[2];
        return change(who, dapil, party, reason, redirect, list -> {
            int at = indexOf(list, candidateId);
            int to = at + by;
            if (at < 0 || to < 0 || to >= list.size()) {
                throw new IllegalArgumentException("Calon ini sudah di posisi " + (by < 0 ? "teratas" : "terbawah")
                        + ".");
            }
            List<Map<String, Object>> next = new ArrayList<>(list);
            Map<String, Object> c = next.remove(at);
            next.add(to, c);
            moved[0] = String.valueOf(c.get("name"));
            moved[1] = String.valueOf(to + 1);
            return next;
        }, null, () -> moved[0] + " dipindah ke posisi " + moved[1]);
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/calon/{candidateId}/hapus")
    String remove(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
                  @PathVariable String candidateId, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        String[] name = new String[1];
        return change(who, dapil, party, reason, redirect, list -> {
            List<Map<String, Object>> next = new ArrayList<>(list);
            int at = indexOf(next, candidateId);
            if (at < 0) {
                throw new IllegalArgumentException("Calon ini tidak ada lagi di daftar.");
            }
            name[0] = String.valueOf(next.remove(at).get("name"));
            return next;
        }, null, () -> name[0] + " dihapus dari daftar");
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/calon/{candidateId}/ubah")
    String edit(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
                @PathVariable String candidateId, @RequestParam Map<String, String> form,
                @RequestParam(required = false) List<String> documents, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        String[] name = new String[1];
        return change(who, dapil, party, form.get("reason"), redirect, list -> {
            List<Map<String, Object>> next = new ArrayList<>(list);
            int at = indexOf(next, candidateId);
            if (at < 0) {
                throw new IllegalArgumentException("Calon ini tidak ada lagi di daftar.");
            }
            Map<String, Object> c = new LinkedHashMap<>(next.get(at));
            fill(c, form, documents);
            next.set(at, c);
            name[0] = String.valueOf(c.get("name"));
            return next;
        }, null, () -> "Data " + name[0] + " diubah");
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/ajukan")
    String submit(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
                  RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        StaffApi.Answer answer = api.post(null, "/api/candidates/lists/{d}/{p}/submit", dapil, party);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            refusal(redirect, "Daftar belum diajukan: " + answer.detail(), answer);
        } else {
            redirect.addFlashAttribute("ok", "Daftar diajukan ke KPU: " + answer.body().path("candidates").size()
                    + " calon. Status: " + SilonLabels.LIST_STATUS.get("SUBMITTED") + ". Daftar tidak bisa diubah "
                    + "sampai KPU memverifikasi; hasil MS/TMS tampil di halaman ini.");
        }
        return editorPage(dapil, party);
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/calon/{candidateId}/pindah")
    String move(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
                @PathVariable String candidateId, @RequestParam(required = false) String toDapil,
                @RequestParam(required = false) Integer position, @RequestParam(required = false) String reason,
                RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        if (toDapil == null || toDapil.isBlank() || reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("error", "Pilih dapil tujuan dan tulis alasannya: pindah dapil wajib beralasan.");
            return editorPage(dapil, party);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidateId", candidateId);
        body.put("toDapil", toDapil);
        body.put("position", position);
        body.put("reason", reason.strip());
        StaffApi.Answer answer = api.post(body, "/api/candidates/lists/{d}/{p}/move", dapil, party);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            refusal(redirect, "Calon tidak dipindah: " + answer.detail(), answer);
            return editorPage(dapil, party);
        }
        redirect.addFlashAttribute("ok", "Calon dipindah ke dapil " + toDapil + " (dicatat dengan alasan: "
                + reason.strip() + "). Ini daftar di dapil tujuan.");
        return editorPage(toDapil, party);
    }

    // ---- public feedback

    @GetMapping("/silon/dapil/{dapil}/tanggapan")
    String feedback(Authentication authentication, @PathVariable String dapil, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        StaffApi.Answer d = api.get("/api/dapil/{d}", dapil);
        refuseUnlessOk(d, who);
        StaffApi.Answer entries = api.get("/api/candidates/feedback?dapil={d}", dapil);
        refuseUnlessOk(entries, who);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode f : entries.body()) {
            Map<String, Object> row = Plain.map(f);
            row.put("lastAtText", SipolLabels.time(f.path("lastAt").asString(null)));
            row.put("clarifiedAtText", SipolLabels.time(f.path("clarifiedAt").asString(null)));
            row.put("canClarify", SipolAccess.isOperator(who) && f.path("partyId").asString().equals(who.partyId())
                    && !"DCT".equals(d.body().path("stage").asString()));
            rows.add(row);
        }
        model.addAttribute("dapil", dapilRow(d.body()));
        model.addAttribute("entries", rows);
        roles(model, who);
        return "silon/tanggapan";
    }

    @PostMapping("/silon/dapil/{dapil}/tanggapan/{feedbackId}/klarifikasi")
    String clarify(Authentication authentication, @PathVariable String dapil, @PathVariable String feedbackId,
                   @RequestParam(required = false) String text, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        String back = "redirect:/silon/dapil/" + dapil + "/tanggapan";
        if (text == null || text.isBlank()) {
            redirect.addFlashAttribute("error", "Tulis klarifikasi partai dulu, lalu kirim.");
            return back;
        }
        StaffApi.Answer answer = api.post(Map.of("text", text.strip()),
                "/api/candidates/feedback/{f}/clarification", feedbackId);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Klarifikasi tidak terkirim: " + answer.detail());
        } else {
            redirect.addFlashAttribute("ok", "Klarifikasi atas tanggapan untuk " + answer.body().path("candidateName")
                    .asString("calon") + " tersimpan; KPU dan Bawaslu membacanya.");
        }
        return back;
    }

    // ---- KPU

    @GetMapping("/silon/dapil/{dapil}")
    String kpuDapil(Authentication authentication, @PathVariable String dapil, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        if (SipolAccess.isOperator(who)) {
            return editorPage(dapil, who.partyId());
        }
        StaffApi.Answer d = api.get("/api/dapil/{d}", dapil);
        refuseUnlessOk(d, who);
        StaffApi.Answer lists = api.get("/api/candidates/lists?dapil={d}", dapil);
        refuseUnlessOk(lists, who);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode l : lists.body()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("party", l.path("partyId").asString());
            row.put("status", l.path("status").asString());
            row.put("statusLabel", SilonLabels.LIST_STATUS.getOrDefault(l.path("status").asString(), ""));
            row.put("inDcs", l.path("inDcs").asBoolean());
            row.put("candidates", Plain.list(l.path("candidates")));
            List<String> violations = new ArrayList<>();
            l.path("violations").forEach(v -> violations.add((v.path("position").isNumber()
                    ? "Posisi " + v.path("position").asInt() + ": " : "") + v.path("message").asString()));
            row.put("violations", violations);
            rows.add(row);
        }
        model.addAttribute("dapil", dapilRow(d.body()));
        model.addAttribute("lists", rows);
        model.addAttribute("verifiedCount", rows.stream().filter(r -> "VERIFIED".equals(r.get("status"))).count());
        roles(model, who);
        return "silon/dapil-kpu";
    }

    @PostMapping("/silon/dapil/{dapil}/{party}/verifikasi")
    String verify(Authentication authentication, @PathVariable String dapil, @PathVariable String party,
                  @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        String back = "redirect:/silon/dapil/" + dapil + "#daftar-" + party;
        List<Map<String, Object>> verdicts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (!e.getKey().startsWith("verdict-")) {
                continue;
            }
            String id = e.getKey().substring("verdict-".length());
            String reason = form.getOrDefault("reason-" + id, "").strip();
            if ("TMS".equals(e.getValue()) && reason.isEmpty()) {
                missing.add(form.getOrDefault("name-" + id, id));
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("candidateId", id);
            v.put("verdict", e.getValue());
            if (!reason.isEmpty()) {
                v.put("reason", reason);
            }
            verdicts.add(v);
        }
        if (!missing.isEmpty()) {
            redirect.addFlashAttribute("error", "TMS wajib beralasan: tulis alasan untuk " + String.join(", ", missing)
                    + ", lalu simpan lagi. Belum ada yang tersimpan.");
            return back;
        }
        StaffApi.Answer answer = api.post(Map.of("verdicts", verdicts), "/api/candidates/lists/{d}/{p}/verification",
                dapil, party);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Verifikasi daftar " + party + " tidak tersimpan: " + answer.detail());
            return back;
        }
        long tms = verdicts.stream().filter(v -> "TMS".equals(v.get("verdict"))).count();
        redirect.addFlashAttribute("ok", "Verifikasi daftar " + party + " tersimpan: " + (verdicts.size() - tms)
                + " MS, " + tms + " TMS. Status: " + SilonLabels.LIST_STATUS.getOrDefault(
                answer.body().path("status").asString(), answer.body().path("status").asString())
                + (tms > 0 ? "; partai memperbaiki lalu mengajukan lagi." : "."));
        return back;
    }

    @PostMapping("/silon/dapil/{dapil}/dcs")
    String publishDcs(Authentication authentication, @PathVariable String dapil, RedirectAttributes redirect) {
        return stage(authentication, dapil, "/api/dapil/{d}/dcs", null, redirect,
                "DCS dapil " + dapil + " diumumkan. Warga dapat melihatnya dan memberi tanggapan di /calon/" + dapil
                        + ".");
    }

    @PostMapping("/silon/dapil/{dapil}/dct")
    String finalizeDct(Authentication authentication, @PathVariable String dapil, RedirectAttributes redirect) {
        return stage(authentication, dapil, "/api/dapil/{d}/dct", null, redirect,
                "DCT dapil " + dapil + " ditetapkan: daftar dibekukan dan struktur surat suaranya dikirim ke "
                        + "rekapitulasi.");
    }

    @PostMapping("/silon/dapil/{dapil}/dct/buka")
    String reopenDct(Authentication authentication, @PathVariable String dapil,
                     @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("error", "Membuka kembali DCT wajib beralasan (mis. putusan Bawaslu/pengadilan).");
            return "redirect:/silon/dapil/" + dapil;
        }
        return stage(authentication, dapil, "/api/dapil/{d}/dct/reopen", Map.of("reason", reason.strip()), redirect,
                "DCT dapil " + dapil + " dibuka kembali (alasan dicatat: " + reason.strip() + "). Penetapan "
                        + "berikutnya menjadi versi baru.");
    }

    private String stage(Authentication authentication, String dapil, String path, Object body,
                         RedirectAttributes redirect, String done) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        StaffApi.Answer answer = api.post(body, path, dapil);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            refusal(redirect, "Tidak dilakukan: " + answer.detail(), answer);
        } else {
            redirect.addFlashAttribute("ok", done);
        }
        return "redirect:/silon/dapil/" + dapil;
    }

    @GetMapping("/silon/nomor-urut")
    String ballotNumbers(Authentication authentication, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        StaffApi.Answer parties = api.get("/api/candidates/parties");
        refuseUnlessOk(parties, who);
        model.addAttribute("parties", Plain.list(parties.body()));
        roles(model, who);
        return "silon/nomor-urut";
    }

    @PostMapping("/silon/nomor-urut")
    String saveBallotNumbers(Authentication authentication, @RequestParam Map<String, String> form,
                             RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Silon");
        if (!SipolAccess.isKpuRi(who)) {
            throw new StaffRefused("Nomor urut partai dicatat oleh KPU RI. Anda masuk sebagai " + who.roleLabel() + ".",
                    "Nomor urut yang sudah dicatat tampil di halaman ini dan di surat suara DCT.");
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (e.getKey().startsWith("nomor-") && !e.getValue().isBlank()) {
                try {
                    numbers.put(e.getKey().substring("nomor-".length()), Integer.parseInt(e.getValue().strip()));
                } catch (NumberFormatException ex) {
                    redirect.addFlashAttribute("error", "Nomor urut harus bilangan bulat: \"" + e.getValue() + "\".");
                    return "redirect:/silon/nomor-urut";
                }
            }
        }
        if (numbers.isEmpty()) {
            redirect.addFlashAttribute("error", "Isi nomor urut paling sedikit satu partai.");
            return "redirect:/silon/nomor-urut";
        }
        StaffApi.Answer answer = api.put(numbers, "/api/candidates/parties/ballot-numbers");
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Nomor urut tidak tersimpan: " + answer.detail());
        } else {
            redirect.addFlashAttribute("ok", "Nomor urut " + numbers.size() + " partai tersimpan.");
        }
        return "redirect:/silon/nomor-urut";
    }

    // ---- helpers

    private String change(SignedIn who, String dapil, String party, String reason, RedirectAttributes redirect,
                          UnaryOperator<List<Map<String, Object>>> edit, String done) {
        return change(who, dapil, party, reason, redirect, edit, done, () -> done);
    }

    /** Loads the list, applies one edit, saves the whole list; the service checks every rule and says what is left. */
    private String change(SignedIn who, String dapil, String party, String reason, RedirectAttributes redirect,
                          UnaryOperator<List<Map<String, Object>>> edit, String ignored,
                          java.util.function.Supplier<String> done) {
        StaffApi.Answer current = api.get("/api/candidates/lists/{d}/{p}", dapil, party);
        if (current.status() == 403) {
            throw SipolAccess.refusedBy(current, who);
        }
        List<Map<String, Object>> list = new ArrayList<>();
        if (current.ok()) {
            for (JsonNode c : current.body().path("candidates")) {
                list.add(kept(c));
            }
        } else if (current.status() != 404) {
            redirect.addFlashAttribute("error", current.detail());
            return editorPage(dapil, party);
        }
        List<Map<String, Object>> next;
        try {
            next = edit.apply(list);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return editorPage(dapil, party);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidates", next);
        if (reason != null && !reason.isBlank()) {
            body.put("reason", reason.strip());
        }
        StaffApi.Answer saved = api.put(body, "/api/candidates/lists/{d}/{p}", dapil, party);
        if (saved.status() == 403) {
            throw SipolAccess.refusedBy(saved, who);
        }
        if (!saved.ok()) {
            refusal(redirect, "Perubahan tidak tersimpan: " + saved.detail(), saved);
            return editorPage(dapil, party);
        }
        int left = saved.body().path("violations").size();
        redirect.addFlashAttribute("ok", done.get() + ". Tersimpan; aturan diperiksa ulang: "
                + (left == 0 ? "tidak ada pelanggaran. Daftar siap diajukan."
                : left + " pelanggaran tersisa, tertera di samping posisi yang bersangkutan."));
        return editorPage(dapil, party);
    }

    private static void refusal(RedirectAttributes redirect, String message, StaffApi.Answer answer) {
        redirect.addFlashAttribute("error", message);
        List<String> violations = new ArrayList<>();
        answer.body().path("violations").forEach(v -> violations.add((v.path("position").isNumber()
                ? "Posisi " + v.path("position").asInt() + ": " : "") + v.path("message").asString()));
        if (!violations.isEmpty()) {
            redirect.addFlashAttribute("errorList", violations);
        }
    }

    /** A candidate already on the list, as the service takes it back: named by id, its NIK stays in the service. */
    private static Map<String, Object> kept(JsonNode c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candidateId", c.path("candidateId").asString());
        m.put("name", c.path("name").asString());
        m.put("gender", c.path("gender").asString());
        m.put("birthDate", c.path("birthDate").asString(null));
        m.put("address", c.path("address").asString(null));
        m.put("education", c.path("education").asString(null));
        m.put("occupation", c.path("occupation").asString(null));
        List<String> documents = new ArrayList<>();
        c.path("documents").forEach(d -> documents.add(d.asString()));
        m.put("documents", documents);
        m.put("formerConvict", c.path("formerConvict").asBoolean());
        m.put("convictionDisclosed", c.path("convictionDisclosed").asBoolean());
        m.put("cvConsent", c.path("cvConsent").asBoolean());
        m.put("cv", c.path("cv").asString(null));
        return m;
    }

    /** The fields of the add/edit forms (a field not on the form keeps its value). */
    private static void fill(Map<String, Object> c, Map<String, String> form, List<String> documents) {
        for (String field : List.of("name", "gender", "birthDate", "address", "education", "occupation", "cv")) {
            String value = form.get(field);
            if (value != null) {
                c.put(field, value.strip());
            }
        }
        if (form.containsKey("documentsShown")) {
            c.put("documents", documents == null ? List.of() : documents);
        }
        if (form.containsKey("flagsShown")) {
            c.put("cvConsent", form.containsKey("cvConsent"));
            c.put("formerConvict", form.containsKey("formerConvict"));
            c.put("convictionDisclosed", form.containsKey("convictionDisclosed"));
        }
    }

    private static int indexOf(List<Map<String, Object>> list, String candidateId) {
        for (int i = 0; i < list.size(); i++) {
            if (candidateId.equals(list.get(i).get("candidateId"))) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Object> dapilRow(JsonNode d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", d.path("code").asString());
        row.put("name", d.path("name").asString());
        row.put("body", d.path("body").asString());
        row.put("bodyLabel", SilonLabels.BODIES.getOrDefault(d.path("body").asString(), d.path("body").asString()));
        row.put("seats", d.path("seats").asInt());
        row.put("stage", d.path("stage").asString());
        row.put("stageLabel", SilonLabels.STAGES.getOrDefault(d.path("stage").asString(), ""));
        row.put("dctVersion", d.path("dctVersion").asInt());
        return row;
    }

    private static void roles(Model model, SignedIn who) {
        model.addAttribute("kpu", SipolAccess.isKpu(who));
        model.addAttribute("kpuRi", SipolAccess.isKpuRi(who));
        model.addAttribute("operator", SipolAccess.isOperator(who));
        model.addAttribute("ownParty", SipolAccess.isOperator(who) ? who.partyId() : null);
    }

    private static String editorPage(String dapil, String party) {
        return "redirect:/silon/dapil/" + dapil + "/" + party;
    }

    private static void refuseUnlessOk(StaffApi.Answer answer, SignedIn who) {
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (answer.status() == 404) {
            throw new StaffRefused("Tidak ditemukan: " + answer.detail(), "Periksa alamatnya, atau mulai dari "
                    + "halaman Silon.");
        }
        if (!answer.ok()) {
            throw new IllegalArgumentException(answer.detail());
        }
    }
}
