package id.pemilu.portal.sipol;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.RegionLevel;
import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.portal.signin.SignedIn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Sipol for party operators and KPU: the party's profile and requirements checklist, member imports with their
 * progress and per-row report, the member list with flags, citizens' complaints (the party answers before the
 * deadline, KPU decides), KPU's administrative verification queue, the factual-verification sample with its published
 * seed, and the officials lists. Plain forms; staf.js only adds live progress and a ticking countdown.
 */
@Controller
public class SipolController {

    static final int QUEUE_SIZE = 50;
    static final int SAMPLE_NAMES = 20;

    private final StaffApi api;
    private final Clock clock;
    private final Wilayah wilayah = Wilayah.indonesia();
    /** The largest member list the portal takes (as party-registry), in MB for the form's words. */
    private final long memberFileMegabytes;

    @org.springframework.beans.factory.annotation.Autowired
    SipolController(StaffClients.Sipol sipol,
                    org.springframework.boot.servlet.autoconfigure.MultipartProperties multipart) {
        this(sipol, Clock.systemUTC(), multipart.getMaxRequestSize().toMegabytes());
    }

    SipolController(StaffClients.Sipol sipol, Clock clock, long memberFileMegabytes) {
        this.api = sipol.api();
        this.clock = clock;
        this.memberFileMegabytes = memberFileMegabytes;
    }

    @GetMapping("/sipol")
    String home(Authentication authentication, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        if (SipolAccess.isOperator(who)) {
            return "redirect:/sipol/partai/" + who.partyId();
        }
        StaffApi.Answer parties = api.get("/api/parties");
        if (!parties.ok()) {
            throw SipolAccess.refusedBy(parties, who);
        }
        model.addAttribute("parties", Plain.list(parties.body()));
        model.addAttribute("kpu", SipolAccess.isKpu(who));
        return "sipol/beranda";
    }

    @GetMapping("/sipol/partai/{partyId}")
    String profile(Authentication authentication, @PathVariable String partyId, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        StaffApi.Answer report = api.get("/api/parties/{p}/requirements", partyId);
        StaffApi.Answer party = api.get("/api/parties/{p}", partyId);
        refuseUnlessOk(report, who);
        refuseUnlessOk(party, who);
        Map<String, Object> p = Plain.map(party.body());
        tabs(model, who, p, "profil");
        model.addAttribute("report", Plain.map(report.body()));
        model.addAttribute("reportTime", SipolLabels.time(report.body().path("computedAt").asString(null)));
        List<Map<String, Object>> leaders = Plain.list(party.body().path("leadership"));
        model.addAttribute("leaders", leaders);
        model.addAttribute("women", leaders.stream().filter(l -> "P".equals(l.get("gender"))).count());
        Map<String, Integer> perLevel = new LinkedHashMap<>();
        perLevel.put("provinsi", 0);
        perLevel.put("kab/kota", 0);
        perLevel.put("kecamatan", 0);
        List<Map<String, String>> offices = new ArrayList<>();
        for (JsonNode b : party.body().path("branches")) {
            String code = b.path("regionCode").asString();
            String level = levelName(code);
            perLevel.merge(level, 1, Integer::sum);
            if (offices.size() < 30) {
                offices.add(Map.of("code", code, "name", regionName(code), "level", level,
                        "address", b.path("address").asString("")));
            }
        }
        model.addAttribute("perLevel", perLevel);
        model.addAttribute("offices", offices);
        model.addAttribute("officeCount", party.body().path("branches").size());
        return "sipol/profil";
    }

    // ---- member import

    @GetMapping("/sipol/partai/{partyId}/impor")
    String importForm(Authentication authentication, @PathVariable String partyId,
                      @RequestParam(required = false) String ditolak, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        model.addAttribute("maxFileMb", memberFileMegabytes);
        if ("terlalu-besar".equals(ditolak)) { // web.UploadLimits sent the browser back here
            model.addAttribute("error", "Berkas ditolak, tidak ada yang diimpor: berkas lebih besar dari "
                    + memberFileMegabytes + " MB, batas yang diterima Sipol. Pecah daftar anggota menjadi beberapa "
                    + "berkas (misalnya per kabupaten/kota), masing-masing paling besar " + memberFileMegabytes
                    + " MB, atau simpan sebagai CSV (lebih kecil dari XLSX), lalu unggah satu per satu.");
        }
        StaffApi.Answer imports = api.get("/api/parties/{p}/member-imports", partyId);
        refuseUnlessOk(imports, who);
        tabs(model, who, partyOf(partyId, who), "impor");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode i : imports.body()) {
            rows.add(0, importRow(i));
        }
        model.addAttribute("imports", rows);
        return "sipol/impor";
    }

    @PostMapping("/sipol/partai/{partyId}/impor")
    String upload(Authentication authentication, @PathVariable String partyId,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "Pilih berkas daftar anggota (CSV atau XLSX) dulu, lalu kirim.");
            return importForm(authentication, partyId, null, model);
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "anggota.csv"
                : file.getOriginalFilename();
        partHeaders.setContentDispositionFormData("file", name);
        parts.add("file", new HttpEntity<>(file.getResource(), partHeaders));
        StaffApi.Answer answer = api.send(client -> client.post()
                .uri("/api/parties/{p}/member-imports?wait=false", partyId)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts));
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            model.addAttribute("error", "Berkas ditolak, tidak ada yang diimpor: " + answer.detail()
                    + " Perbaiki berkasnya, lalu unggah lagi.");
            return importForm(authentication, partyId, null, model);
        }
        String importId = answer.body().path("id").asString();
        redirect.addFlashAttribute("ok", answer.status() == 200
                ? "Berkas yang sama persis sudah pernah diimpor (" + answer.body().path("fileName").asString("")
                + "); tidak ada yang berubah. Ini hasil impor sebelumnya."
                : "Berkas " + name + " diterima: " + answer.body().path("rowsTotal").asLong() + " baris. Impor berjalan;"
                + " halaman ini menunjukkan kemajuannya, juga jika Anda memuat ulang atau kembali nanti.");
        return "redirect:/sipol/partai/" + partyId + "/impor/" + importId;
    }

    @GetMapping("/sipol/partai/{partyId}/impor/{importId}")
    String progress(Authentication authentication, @PathVariable String partyId, @PathVariable String importId,
                    Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        StaffApi.Answer imp = api.get("/api/parties/{p}/member-imports/{i}", partyId, importId);
        refuseUnlessOk(imp, who);
        tabs(model, who, partyOf(partyId, who), "impor");
        model.addAttribute("imp", importRow(imp.body()));
        return "sipol/impor-kemajuan";
    }

    /** The progress as JSON for staf.js (the page polls it; without JavaScript the page reloads itself). */
    @GetMapping(path = "/sipol/partai/{partyId}/impor/{importId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> progressJson(Authentication authentication, @PathVariable String partyId,
                                                     @PathVariable String importId) {
        SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        StaffApi.Answer imp = api.get("/api/parties/{p}/member-imports/{i}", partyId, importId);
        if (!imp.ok()) {
            return ResponseEntity.status(imp.status()).body(Map.of("detail", imp.detail()));
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(importRow(imp.body()));
    }

    @GetMapping("/sipol/partai/{partyId}/impor/{importId}/laporan.csv")
    ResponseEntity<byte[]> report(Authentication authentication, @PathVariable String partyId,
                                  @PathVariable String importId) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        StaffApi.Download file = api.download("/api/parties/{p}/member-imports/{i}/report", partyId, importId);
        if (file.status() != 200) {
            throw new StaffRefused("Laporan impor tidak dapat diunduh (jawaban layanan " + file.status() + ").",
                    SipolAccess.isOperator(who) ? "Buka laporan dari halaman impor partai Anda sendiri."
                            : "Periksa alamatnya, atau buka dari halaman impor partai.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"laporan-impor-" + importId + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(file.body());
    }

    private Map<String, Object> importRow(JsonNode i) {
        Map<String, Object> row = new LinkedHashMap<>();
        long total = i.path("rowsTotal").asLong();
        long done = i.path("rowsDone").asLong();
        String status = i.path("status").asString();
        if ("COMPLETED".equals(status)) {
            done = total;
        }
        row.put("id", i.path("id").asString());
        row.put("fileName", i.path("fileName").asString(""));
        row.put("status", status);
        row.put("statusLabel", SipolLabels.IMPORT_STATUS.getOrDefault(status, status));
        row.put("running", "RUNNING".equals(status));
        row.put("rowsTotal", total);
        row.put("rowsDone", done);
        row.put("percent", total == 0 ? 0 : done * 100 / total);
        row.put("imported", i.path("imported").asLong());
        row.put("rejected", i.path("rejected").asLong());
        row.put("flagged", i.path("flagged").asLong());
        row.put("failure", i.path("failure").asString(""));
        row.put("by", i.path("by").asString(""));
        row.put("startedAt", SipolLabels.time(i.path("startedAt").asString(null)));
        row.put("finishedAt", SipolLabels.time(i.path("finishedAt").asString(null)));
        return row;
    }

    // ---- members

    @GetMapping("/sipol/partai/{partyId}/anggota")
    String members(Authentication authentication, @PathVariable String partyId,
                   @RequestParam(required = false) String kabKota, @RequestParam(required = false) String tanda,
                   @RequestParam(required = false) String status, @RequestParam(required = false) String nama,
                   Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        String flag = known(tanda, SipolLabels.FLAGS, "Tanda");
        String memberStatus = known(status, SipolLabels.MEMBER_STATUS, "Status");
        String region = blankToNull(kabKota);
        String name = blankToNull(nama);
        StaffApi.Answer members = api.get(memberQuery(partyId, region, flag, memberStatus, name, 200));
        refuseUnlessOk(members, who);
        tabs(model, who, partyOf(partyId, who), "anggota");
        model.addAttribute("members", memberRows(members.body()));
        model.addAttribute("kabKota", region == null ? "" : region);
        model.addAttribute("tanda", flag == null ? "" : flag);
        model.addAttribute("status", memberStatus == null ? "" : memberStatus);
        model.addAttribute("nama", name == null ? "" : name);
        model.addAttribute("flagNames", SipolLabels.FLAGS);
        model.addAttribute("statusNames", SipolLabels.MEMBER_STATUS);
        model.addAttribute("limit", 200);
        return "sipol/anggota";
    }

    private static String memberQuery(String partyId, String kabKota, String flag, String status, String name,
                                      int limit) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/parties/{p}/members")
                .queryParam("limit", limit);
        if (kabKota != null) {
            uri.queryParam("kabKotaCode", kabKota);
        }
        if (flag != null) {
            uri.queryParam("flag", flag);
        }
        if (status != null) {
            uri.queryParam("status", status);
        }
        if (name != null) {
            uri.queryParam("name", name);
        }
        // not encoded here: the client encodes the whole URI once
        return uri.buildAndExpand(partyId).toUriString();
    }

    private List<Map<String, Object>> memberRows(JsonNode members) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode m : members) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("memberId", m.path("memberId").asString());
            row.put("nik", m.path("nik").asString());
            row.put("fullName", m.path("fullName").asString());
            row.put("kabKota", m.path("kabKotaCode").asString());
            row.put("kabKotaName", regionName(m.path("kabKotaCode").asString()));
            row.put("status", m.path("status").asString());
            row.put("statusLabel", SipolLabels.memberStatus(m.path("status").asString()));
            row.put("statusReason", m.path("statusReason").asString(""));
            List<String> flags = new ArrayList<>();
            m.path("flags").forEach(f -> flags.add(SipolLabels.flag(f.asString())));
            row.put("flags", flags);
            row.put("counted", m.path("counted").asBoolean());
            row.put("kta", m.path("ktaNumber").asString(""));
            rows.add(row);
        }
        return rows;
    }

    // ---- KPU: administrative verification queue

    @GetMapping("/sipol/partai/{partyId}/verifikasi")
    String queue(Authentication authentication, @PathVariable String partyId,
                 @RequestParam(required = false) String kabKota, @RequestParam(required = false) String nama,
                 Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        requireKpu(who, "Verifikasi administrasi anggota dilakukan oleh KPU kab/kota tempat anggota terdaftar.");
        String region = blankToNull(kabKota);
        if (region == null && who.regionCode() != null
                && RegionLevel.ofCode(who.regionCode()) == RegionLevel.KABKOTA) {
            region = who.regionCode();
        }
        StaffApi.Answer pending = api.get(memberQuery(partyId, region, null, "PENDING", blankToNull(nama),
                QUEUE_SIZE));
        refuseUnlessOk(pending, who);
        List<Map<String, Object>> rows = memberRows(pending.body());
        // flagged members first: they are not counted until KPU decides
        rows.sort(Comparator.comparing(r -> ((List<?>) r.get("flags")).isEmpty()));
        tabs(model, who, partyOf(partyId, who), "verifikasi");
        model.addAttribute("members", rows);
        model.addAttribute("kabKota", region == null ? "" : region);
        model.addAttribute("nama", blankToNull(nama) == null ? "" : nama.strip());
        model.addAttribute("queueSize", QUEUE_SIZE);
        return "sipol/verifikasi";
    }

    @PostMapping("/sipol/partai/{partyId}/anggota/{memberId}/verifikasi")
    String verify(Authentication authentication, @PathVariable String partyId, @PathVariable String memberId,
                  @RequestParam(required = false) String result, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String kabKota, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String nama, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        String back = "redirect:" + UriComponentsBuilder.fromPath("/sipol/partai/{p}/verifikasi")
                .queryParamIfPresent("kabKota", java.util.Optional.ofNullable(blankToNull(kabKota)))
                .queryParamIfPresent("nama", java.util.Optional.ofNullable(blankToNull(nama)))
                .encode().buildAndExpand(partyId).toUriString();
        if (!"MS".equals(result) && !"TMS".equals(result)) {
            redirect.addFlashAttribute("error", "Pilih MS atau TMS untuk " + label(name) + ", lalu simpan.");
            return back;
        }
        if ("TMS".equals(result) && blankToNull(reason) == null) {
            redirect.addFlashAttribute("error", "Putusan TMS untuk " + label(name) + " wajib disertai alasan. "
                    + "Tulis alasannya, lalu simpan lagi.");
            return back;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        if (blankToNull(reason) != null) {
            body.put("reason", reason.strip());
        }
        StaffApi.Answer answer = api.put(body, "/api/parties/{p}/members/{m}/verification", partyId, memberId);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Putusan untuk " + label(name) + " tidak tersimpan: "
                    + answer.detail());
            return back;
        }
        redirect.addFlashAttribute("ok", "Putusan tersimpan: " + answer.body().path("fullName").asString(label(name))
                + " " + SipolLabels.memberStatus(answer.body().path("status").asString())
                + ("TMS".equals(result) ? " (alasan: " + reason.strip() + ")" : "") + ".");
        return back;
    }

    // ---- KPU: factual-verification sample

    @GetMapping("/sipol/partai/{partyId}/sampel")
    String samples(Authentication authentication, @PathVariable String partyId, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        StaffApi.Answer samples = api.get("/api/parties/{p}/factual-samples", partyId);
        refuseUnlessOk(samples, who);
        tabs(model, who, partyOf(partyId, who), "sampel");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode s : samples.body()) {
            rows.add(0, sampleRow(partyId, s));
        }
        model.addAttribute("samples", rows);
        model.addAttribute("defaultKabKota", who.regionCode() != null
                && RegionLevel.ofCode(who.regionCode()) == RegionLevel.KABKOTA ? who.regionCode() : "");
        return "sipol/sampel";
    }

    @PostMapping("/sipol/partai/{partyId}/sampel")
    String draw(Authentication authentication, @PathVariable String partyId,
                @RequestParam(required = false) String kabKota, @RequestParam(required = false) String seed,
                @RequestParam(required = false) Integer size, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        requireKpu(who, "Sampel verifikasi faktual diundi oleh KPU kab/kota yang bersangkutan.");
        if (blankToNull(kabKota) == null) {
            redirect.addFlashAttribute("error", "Isi kode kab/kota yang diundi (mis. 31.71).");
            return "redirect:/sipol/partai/" + partyId + "/sampel";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kabKotaCode", kabKota.strip());
        if (blankToNull(seed) != null) {
            body.put("seed", seed.strip());
        }
        if (size != null) {
            body.put("size", size);
        }
        StaffApi.Answer answer = api.post(body, "/api/parties/{p}/factual-samples", partyId);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Sampel tidak diundi: " + answer.detail());
        } else {
            redirect.addFlashAttribute("ok", "Sampel diundi: " + answer.body().path("size").asInt() + " dari "
                    + answer.body().path("population").asInt() + " anggota MS di " + kabKota.strip()
                    + " dengan benih \"" + answer.body().path("seed").asString() + "\". Umumkan benihnya: siapa pun "
                    + "dapat mengundi ulang dan mendapat sampel yang sama.");
        }
        return "redirect:/sipol/partai/" + partyId + "/sampel";
    }

    @GetMapping("/sipol/partai/{partyId}/sampel/undi-ulang")
    String redraw(Authentication authentication, @PathVariable String partyId, @RequestParam String kabKota,
                  @RequestParam String seed, @RequestParam int size, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        StaffApi.Answer redraw = api.get("/api/parties/{p}/factual-samples/redraw?kabKotaCode={k}&seed={s}&size={n}",
                partyId, kabKota, seed, size);
        refuseUnlessOk(redraw, who);
        StaffApi.Answer samples = api.get("/api/parties/{p}/factual-samples", partyId);
        List<String> drawn = new ArrayList<>();
        redraw.body().path("memberIds").forEach(id -> drawn.add(id.asString()));
        Boolean same = null;
        if (samples.ok()) {
            for (JsonNode s : samples.body()) {
                if (s.path("kabKotaCode").asString().equals(kabKota) && s.path("seed").asString().equals(seed)
                        && s.path("size").asInt() == size) {
                    List<String> published = new ArrayList<>();
                    s.path("memberIds").forEach(id -> published.add(id.asString()));
                    same = published.equals(drawn);
                }
            }
        }
        tabs(model, who, partyOf(partyId, who), "sampel");
        model.addAttribute("kabKota", kabKota);
        model.addAttribute("seed", seed);
        model.addAttribute("size", size);
        model.addAttribute("population", redraw.body().path("population").asInt());
        model.addAttribute("memberIds", drawn);
        model.addAttribute("same", same);
        model.addAttribute("apiLink", "/api/parties/" + partyId + "/factual-samples/redraw?kabKotaCode=" + kabKota
                + "&seed=" + java.net.URLEncoder.encode(seed, java.nio.charset.StandardCharsets.UTF_8)
                + "&size=" + size);
        return "sipol/undi-ulang";
    }

    private Map<String, Object> sampleRow(String partyId, JsonNode s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kabKota", s.path("kabKotaCode").asString());
        row.put("kabKotaName", regionName(s.path("kabKotaCode").asString()));
        row.put("seed", s.path("seed").asString());
        row.put("size", s.path("size").asInt());
        row.put("population", s.path("population").asInt());
        row.put("drawnBy", s.path("drawnBy").asString());
        row.put("drawnAt", SipolLabels.time(s.path("drawnAt").asString(null)));
        List<Map<String, String>> members = new ArrayList<>();
        for (JsonNode id : s.path("memberIds")) {
            if (members.size() >= SAMPLE_NAMES) {
                break;
            }
            StaffApi.Answer m = api.get("/api/parties/{p}/members/{m}", partyId, id.asString());
            members.add(Map.of("id", id.asString().substring(0, Math.min(16, id.asString().length())) + "…",
                    "name", m.ok() ? m.body().path("fullName").asString() : "–",
                    "nik", m.ok() ? m.body().path("nik").asString() : "–"));
        }
        row.put("members", members);
        row.put("more", Math.max(0, s.path("memberIds").size() - SAMPLE_NAMES));
        row.put("redraw", "/sipol/partai/" + partyId + "/sampel/undi-ulang?kabKota=" + s.path("kabKotaCode").asString()
                + "&seed=" + java.net.URLEncoder.encode(s.path("seed").asString(),
                java.nio.charset.StandardCharsets.UTF_8) + "&size=" + s.path("size").asInt());
        return row;
    }

    // ---- complaints

    @GetMapping("/sipol/partai/{partyId}/aduan")
    String complaints(Authentication authentication, @PathVariable String partyId, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        StaffApi.Answer complaints = api.get("/api/parties/{p}/complaints", partyId);
        refuseUnlessOk(complaints, who);
        tabs(model, who, partyOf(partyId, who), "aduan");
        model.addAttribute("complaints", complaintRows(complaints.body()));
        model.addAttribute("canAnswer", SipolAccess.isOperator(who) && partyId.equals(who.partyId()));
        return "sipol/aduan";
    }

    @PostMapping("/sipol/partai/{partyId}/aduan/{complaintId}/jawab")
    String answer(Authentication authentication, @PathVariable String partyId, @PathVariable String complaintId,
                  @RequestParam(required = false) String statement, @RequestParam(required = false) String evidence,
                  RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        String back = "redirect:/sipol/partai/" + partyId + "/aduan#aduan-" + complaintId;
        if (blankToNull(statement) == null) {
            redirect.addFlashAttribute("error", "Tulis jawaban partai atas aduan " + complaintId + " dulu, lalu kirim.");
            return back;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", statement.strip());
        body.put("evidence", blankToNull(evidence));
        StaffApi.Answer answer = api.post(body, "/api/parties/{p}/complaints/{c}/answer", partyId, complaintId);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Jawaban atas aduan " + complaintId + " tidak terkirim: "
                    + answer.detail());
            return back;
        }
        redirect.addFlashAttribute("ok", "Jawaban atas aduan " + complaintId + " terkirim dan dicatat. KPU "
                + "kab/kota tempat anggota terdaftar akan memutus: anggota tetap atau dihapus.");
        return back;
    }

    @GetMapping("/sipol/aduan")
    String allComplaints(Authentication authentication, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        if (SipolAccess.isOperator(who)) {
            return "redirect:/sipol/partai/" + who.partyId() + "/aduan";
        }
        StaffApi.Answer complaints = api.get("/api/members/complaints");
        refuseUnlessOk(complaints, who);
        model.addAttribute("complaints", complaintRows(complaints.body()));
        model.addAttribute("canDecide", SipolAccess.isKpu(who));
        return "sipol/aduan-kpu";
    }

    @PostMapping("/sipol/aduan/{complaintId}/putusan")
    String decide(Authentication authentication, @PathVariable String complaintId,
                  @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        String back = "redirect:/sipol/aduan#aduan-" + complaintId;
        if (!"REMOVE".equals(decision) && !"KEEP".equals(decision)) {
            redirect.addFlashAttribute("error", "Pilih putusan untuk aduan " + complaintId
                    + ": hapus keanggotaan atau tetap anggota.");
            return back;
        }
        if (blankToNull(reason) == null) {
            redirect.addFlashAttribute("error", "Putusan aduan " + complaintId + " wajib disertai alasan.");
            return back;
        }
        StaffApi.Answer answer = api.post(Map.of("decision", decision, "reason", reason.strip()),
                "/api/members/complaints/{c}/decision", complaintId);
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Putusan aduan " + complaintId + " tidak tersimpan: " + answer.detail());
            return back;
        }
        redirect.addFlashAttribute("ok", "Putusan aduan " + complaintId + " tersimpan: "
                + ("REMOVE".equals(decision) ? "keanggotaan dihapus (final)" : "tetap anggota")
                + ". Warga dan partai melihat putusan ini; Bawaslu juga.");
        return back;
    }

    private List<Map<String, Object>> complaintRows(JsonNode complaints) {
        Instant now = clock.instant();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode c : complaints) {
            Map<String, Object> row = new LinkedHashMap<>();
            String status = c.path("status").asString();
            Instant deadline = SipolLabels.instant(c.path("answerDeadline").asString(null));
            row.put("id", c.path("id").asString());
            row.put("partyId", c.path("partyId").asString());
            row.put("kabKota", c.path("kabKotaCode").asString());
            row.put("kabKotaName", regionName(c.path("kabKotaCode").asString()));
            row.put("statement", c.path("statement").asString());
            row.put("contact", c.path("contact").asString(""));
            row.put("status", status);
            row.put("statusLabel", SipolLabels.COMPLAINT_STATUS.getOrDefault(status, status));
            row.put("open", "OPEN".equals(status));
            row.put("decided", "REMOVED".equals(status) || "KEPT".equals(status));
            row.put("filedAt", SipolLabels.time(c.path("filedAt").asString(null)));
            row.put("deadline", SipolLabels.time(c.path("answerDeadline").asString(null)));
            row.put("deadlineIso", deadline == null ? "" : deadline.toString());
            row.put("late", deadline != null && !deadline.isAfter(now));
            row.put("countdown", SipolLabels.countdown(deadline, now));
            row.put("answer", c.path("answer").isObject() ? c.path("answer").path("statement").asString() : null);
            row.put("evidence", c.path("answer").path("evidence").asString(""));
            row.put("answeredAt", SipolLabels.time(c.path("answer").path("at").asString(null)));
            row.put("decision", c.path("decision").isObject() ? c.path("decision").path("reason").asString() : null);
            rows.add(row);
        }
        // open complaints first, the nearest deadline first
        rows.sort(Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("open"))
                .thenComparing(r -> (String) r.get("deadlineIso")));
        return rows;
    }

    // ---- officials lists (KPU, Bawaslu)

    @GetMapping("/sipol/pegawai")
    String officialsForm(Authentication authentication, Model model) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        if (!SipolAccess.isKpu(who) && !SipolAccess.isBawaslu(who)) {
            throw new StaffRefused("Daftar pegawai penyelenggara diunggah oleh KPU atau Bawaslu.",
                    "Buka halaman partai Anda: anggota yang tercatat sebagai pegawai ditandai di sana.");
        }
        return "sipol/pegawai";
    }

    @PostMapping("/sipol/pegawai")
    String officials(Authentication authentication, @RequestParam(required = false) String agency,
                     @RequestParam(required = false) String niks, RedirectAttributes redirect) {
        SignedIn who = SipolAccess.requireStaff(SignedIn.of(authentication), "Sipol");
        List<String> list = niks == null ? List.of() : niks.lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList();
        if (blankToNull(agency) == null || list.isEmpty()) {
            redirect.addFlashAttribute("error", "Isi nama instansi dan paling sedikit satu NIK (satu NIK per baris).");
            return "redirect:/sipol/pegawai";
        }
        StaffApi.Answer answer = api.post(Map.of("agency", agency.strip(), "niks", list), "/api/members/officials");
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (!answer.ok()) {
            redirect.addFlashAttribute("error", "Daftar pegawai tidak tersimpan: " + answer.detail());
        } else {
            redirect.addFlashAttribute("ok", answer.body().path("stored").asInt() + " NIK pegawai "
                    + agency.strip() + " tersimpan. Anggota partai dengan NIK ini ditandai \"penyelenggara pemilu / "
                    + "ASN\" pada impor berikutnya dan tidak dihitung sampai KPU memutus.");
        }
        return "redirect:/sipol/pegawai";
    }

    // ---- helpers

    private Map<String, Object> partyOf(String partyId, SignedIn who) {
        StaffApi.Answer party = api.get("/api/parties/{p}", partyId);
        refuseUnlessOk(party, who);
        return Plain.map(party.body());
    }

    private static void tabs(Model model, SignedIn who, Map<String, Object> party, String current) {
        model.addAttribute("party", party);
        model.addAttribute("tab", current);
        model.addAttribute("kpu", SipolAccess.isKpu(who));
        model.addAttribute("operator", SipolAccess.isOperator(who));
    }

    private static void refuseUnlessOk(StaffApi.Answer answer, SignedIn who) {
        if (answer.status() == 403) {
            throw SipolAccess.refusedBy(answer, who);
        }
        if (answer.status() == 404) {
            throw new StaffRefused("Tidak ditemukan: " + answer.detail(), "Periksa alamatnya, atau mulai dari "
                    + "halaman Sipol.");
        }
        if (!answer.ok()) {
            throw new IllegalArgumentException(answer.detail());
        }
    }

    private static void requireKpu(SignedIn who, String why) {
        if (!SipolAccess.isKpu(who)) {
            throw new StaffRefused(why + " Anda masuk sebagai " + who.roleLabel() + ".",
                    SipolAccess.isOperator(who) ? "Lihat status verifikasi anggota partai Anda di halaman Anggota."
                            : "Halaman ini hanya untuk dibaca oleh peran Anda.");
        }
    }

    private static String known(String value, Map<String, String> names, String what) {
        String v = blankToNull(value);
        if (v != null && !names.containsKey(v)) {
            throw new IllegalArgumentException(what + " tidak dikenal: " + v + ".");
        }
        return v;
    }

    private String levelName(String code) {
        return switch (RegionLevel.ofCode(code)) {
            case PROVINSI -> "provinsi";
            case KABKOTA -> "kab/kota";
            case KECAMATAN -> "kecamatan";
            default -> "lainnya";
        };
    }

    String regionName(String code) {
        return code == null || code.isBlank() ? "–" : wilayah.find(code).map(Region::name).orElse(code);
    }

    private static String label(String name) {
        return name == null || name.isBlank() ? "anggota ini" : name;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
