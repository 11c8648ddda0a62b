package id.pemilu.portal.desk;

import id.pemilu.common.wilayah.Wilayah;
import id.pemilu.portal.signin.SignedIn;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
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

/**
 * Desk Pilkada in the app: a reporter picks a TPS of their desa or kecamatan, types the quick numbers (checked as they
 * type, and always again by desk-pilkada), sends — or, without signal, the phone keeps the report and sends it when
 * the signal returns (same Idempotency-Key: never twice); refusals are explained (already reported: by whom, when;
 * outside the reporter's region). The desks of a kab/kota or province and the national desk see the progress of
 * their region tier by tier, the flagged reports, correct with a reason and export. Every page says the numbers are
 * not KPU's. Works as plain forms; desk.js adds the live checks and the offline outbox.
 */
@Controller
class DeskController {

    static final String GUBERNUR = "PILKADA_GUBERNUR";

    private final DeskClient desk;

    DeskController(DeskClient desk) {
        this.desk = desk;
    }

    @ModelAttribute("unofficial")
    String unofficial() {
        return DeskLabels.UNOFFICIAL;
    }

    @GetMapping("/desk")
    String progress(Authentication authentication, @RequestParam(required = false) String wilayah,
                    @RequestParam(defaultValue = GUBERNUR) String pilkada, Model model) {
        SignedIn user = DeskAccess.requireDesk(SignedIn.of(authentication));
        String home = DeskAccess.home(user);
        String region = wilayah == null || wilayah.isBlank() ? home : DeskAccess.validRegion(wilayah);
        String contest = DeskAccess.validContest(pilkada);
        if (!DeskAccess.covers(user, region)) {
            throw new DeskAccess.Refused("Wilayah tugas Anda (" + home + ") tidak mencakup wilayah " + region
                    + ". Anda hanya dapat membuka wilayah tugas Anda sendiri.");
        }
        boolean staff = DeskAccess.isStaff(user);
        DeskClient.Answer answer = desk.progress(region, contest, staff ? 200 : 100);
        refuseOrFail(answer);
        JsonNode view = answer.body();
        String level = view.path("region").path("level").asString();
        model.addAttribute("staff", staff);
        model.addAttribute("reporter", DeskAccess.isReporter(user));
        model.addAttribute("national", DeskAccess.isNational(user));
        model.addAttribute("region", Map.of("code", region, "name", view.path("region").path("name").asString(),
                "level", DeskLabels.level(level)));
        model.addAttribute("contest", contest);
        model.addAttribute("contestLabel", DeskLabels.contest(contest));
        model.addAttribute("contests", DeskLabels.CONTESTS);
        model.addAttribute("crumbs", crumbs(home, region));
        model.addAttribute("tally", tally(view.path("tally")));
        model.addAttribute("desa", "DESA".equals(level));
        model.addAttribute("raceNote", view.path("raceNote").asString(null));
        List<Map<String, Object>> tpsRows = new ArrayList<>();
        List<Map<String, Object>> regionRows = new ArrayList<>();
        for (JsonNode row : view.path("rows")) {
            if (!row.path("tps").isMissingNode() && !row.path("tps").isNull()) {
                tpsRows.add(tpsRow(row.path("tps"), contest));
            } else {
                Map<String, Object> r = tally(row.path("tally"));
                r.put("code", row.path("region").path("code").asString());
                r.put("name", row.path("region").path("name").asString());
                regionRows.add(r);
            }
        }
        model.addAttribute("tpsRows", tpsRows);
        model.addAttribute("regionRows", regionRows);
        List<Map<String, Object>> flagged = new ArrayList<>();
        view.path("flaggedReports").forEach(r -> flagged.add(tpsRow(r, contest)));
        model.addAttribute("flagged", flagged);
        List<Map<String, Object>> latest = new ArrayList<>();
        view.path("latestReports").forEach(r -> latest.add(tpsRow(r, contest)));
        model.addAttribute("latest", latest);
        List<String> missing = new ArrayList<>();
        view.path("notReportedTps").forEach(t -> missing.add(t.asString()));
        model.addAttribute("missing", missing);
        model.addAttribute("missingTruncated", view.path("notReportedTruncated").asBoolean(false));
        model.addAttribute("generatedAt", DeskLabels.time(view.path("generatedAt").asString(null)));
        return "desk/beranda";
    }

    @GetMapping("/desk/tps/{tps}/{pilkada}")
    String tps(Authentication authentication, @PathVariable String tps, @PathVariable String pilkada,
               @RequestParam(required = false) String terkirim, @RequestParam(required = false) String ditolak,
               @RequestParam(defaultValue = "0") int putar, @RequestParam(defaultValue = "1") int perbesar,
               Model model) {
        SignedIn user = DeskAccess.requireDesk(SignedIn.of(authentication));
        DeskAccess.validTps(tps);
        String contest = DeskAccess.validContest(pilkada);
        JsonNode form = form(tps, contest);
        tpsModel(model, form, null);
        model.addAttribute("rotate", Math.floorMod(putar, 360) / 90 * 90);
        model.addAttribute("zoom", Math.max(1, Math.min(3, perbesar)));
        model.addAttribute("mayAttachPhoto", DeskAccess.isReporter(user) && form.path("report").isObject());
        if (terkirim != null) {
            model.addAttribute("sent", switch (terkirim) {
                case "ulang" -> "Laporan ini sudah terkirim sebelumnya; kiriman ulang dari ponsel tidak dihitung dua "
                        + "kali.";
                case "koreksi" -> "Koreksi tersimpan. Laporan pertama tetap tercatat di riwayat.";
                case "foto" -> "Foto formulir tersimpan bersama laporan; desk dapat melihatnya di samping angka.";
                default -> "Laporan terkirim. Terima kasih.";
            });
        }
        if ("terlalu-besar".equals(ditolak)) { // web.UploadLimits sent the browser back here
            model.addAttribute("photoError", "Foto tidak terkirim: terlalu besar. Ambil foto lagi dengan resolusi "
                    + "kamera lebih kecil (paling besar 8 MB), lalu kirim lagi.");
        }
        return "desk/tps";
    }

    @PostMapping("/desk/tps/{tps}/{pilkada}")
    String report(Authentication authentication, @PathVariable String tps, @PathVariable String pilkada,
                  @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        return send(authentication, tps, pilkada, params, response, model, false);
    }

    @PostMapping("/desk/tps/{tps}/{pilkada}/koreksi")
    String correct(Authentication authentication, @PathVariable String tps, @PathVariable String pilkada,
                   @RequestParam Map<String, String> params, HttpServletResponse response, Model model) {
        return send(authentication, tps, pilkada, params, response, model, true);
    }

    @GetMapping("/desk/ekspor")
    ResponseEntity<byte[]> export(Authentication authentication, @RequestParam String wilayah,
                                  @RequestParam(defaultValue = GUBERNUR) String pilkada,
                                  @RequestParam(defaultValue = "pdf") String format) {
        SignedIn user = DeskAccess.requireDesk(SignedIn.of(authentication));
        String region = DeskAccess.validRegion(wilayah);
        String contest = DeskAccess.validContest(pilkada);
        if (!format.equals("csv") && !format.equals("json") && !format.equals("pdf")) {
            throw new IllegalArgumentException("Format ekspor: csv, json atau pdf.");
        }
        if (!DeskAccess.covers(user, region)) {
            throw new DeskAccess.Refused("Wilayah tugas Anda tidak mencakup wilayah " + region + ".");
        }
        DeskClient.Download file = desk.export(region, contest, format);
        if (file.status() == 403) {
            throw new DeskAccess.Refused("Desk Pilkada menolak ekspor wilayah " + region + ".");
        }
        if (file.status() >= 400) {
            throw new IllegalArgumentException("Ekspor ditolak (HTTP " + file.status() + ").");
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (file.disposition() != null) {
            ok.header(HttpHeaders.CONTENT_DISPOSITION, file.disposition());
        }
        return ok.header("X-Content-Type-Options", "nosniff")
                .contentType(file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                        : MediaType.parseMediaType(file.contentType())).body(file.body());
    }

    private String send(Authentication authentication, String tps, String pilkada, Map<String, String> params,
                        HttpServletResponse response, Model model, boolean correction) {
        DeskAccess.requireDesk(SignedIn.of(authentication));
        DeskAccess.validTps(tps);
        String contest = DeskAccess.validContest(pilkada);
        Typed typed = Typed.of(params);
        String reason = params.getOrDefault("reason", "");
        if (typed.error() != null) {
            JsonNode form = form(tps, contest);
            response.setStatus(400);
            tpsModel(model, form, new Retry(typed, reason, correction, typed.error(), List.of()));
            return "desk/tps";
        }
        String key = validKey(params.get("idempotencyKey"));
        Map<String, Object> body = DeskClient.body(typed.candidates(), typed.valid(), typed.invalid(), typed.total(),
                reason);
        DeskClient.Answer answer = correction ? desk.correct(tps, contest, key, body)
                : desk.report(tps, contest, key, body);
        if (answer.ok()) {
            String how = correction ? "koreksi" : answer.body().path("replay").asBoolean(false) ? "ulang" : "baru";
            return "redirect:/desk/tps/" + tps + "/" + contest + "?terkirim=" + how;
        }
        if (answer.status() == 403) {
            throw new DeskAccess.Refused(answer.detail());
        }
        JsonNode form = form(tps, contest);
        response.setStatus(answer.status());
        if (answer.status() == 409 && answer.body().hasNonNull("reportedBy")) {
            model.addAttribute("double", Map.of("by", answer.body().path("reportedBy").asString(),
                    "at", String.valueOf(DeskLabels.time(answer.body().path("reportedAt").asString(null))),
                    "status", DeskLabels.status(answer.body().path("reportStatus").asString(null))));
            tpsModel(model, form, null);
            return "desk/tps";
        }
        List<Map<String, String>> flags = new ArrayList<>();
        answer.body().path("flags").forEach(f -> flags.add(Map.of("title",
                DeskLabels.check(f.path("code").asString()), "message", f.path("message").asString())));
        String message = answer.status() == 422 && !flags.isEmpty()
                ? "Angka tidak lolos pemeriksaan. Periksa lagi dengan formulir; bila angkanya memang begitu, tulis "
                + "alasannya lalu kirim lagi (laporan ditandai dan tidak masuk jumlah cepat)."
                : answer.detail();
        tpsModel(model, form, new Retry(typed, reason, correction, message, flags));
        return "desk/tps";
    }

    /** What the user typed, to show it again with the refusal. */
    private record Retry(Typed typed, String reason, boolean correction, String error,
                         List<Map<String, String>> flags) {
    }

    private JsonNode form(String tps, String contest) {
        DeskClient.Answer answer = desk.form(tps, contest);
        refuseOrFail(answer);
        return answer.body();
    }

    private static void refuseOrFail(DeskClient.Answer answer) {
        if (answer.status() == 403) {
            throw new DeskAccess.Refused(answer.detail());
        }
        if (!answer.ok()) {
            throw new IllegalArgumentException(answer.detail());
        }
    }

    private void tpsModel(Model model, JsonNode form, Retry retry) {
        String tps = form.path("tpsCode").asString();
        String contest = form.path("contest").asString();
        int pairs = form.path("pairs").asInt();
        model.addAttribute("tps", tps);
        model.addAttribute("tpsNumber", tps.substring(14));
        model.addAttribute("desaCode", form.path("desaCode").asString());
        model.addAttribute("desaName", form.path("desaName").asString());
        model.addAttribute("contest", contest);
        model.addAttribute("contestLabel", DeskLabels.contest(contest));
        model.addAttribute("dpt", form.path("dpt").isNumber() ? form.path("dpt").asInt() : null);
        model.addAttribute("ballots", form.path("ballots").isNumber() ? form.path("ballots").asInt() : null);
        boolean mayReport = form.path("mayReport").asBoolean(false);
        boolean mayCorrect = form.path("mayCorrect").asBoolean(false);
        JsonNode report = form.path("report");
        boolean reported = report.isObject();
        model.addAttribute("mayReport", mayReport && !reported);
        model.addAttribute("mayCorrect", mayCorrect && reported);
        model.addAttribute("reported", reported);
        List<Integer> current = new ArrayList<>();
        if (reported) {
            model.addAttribute("report", reportModel(report));
            report.path("numbers").path("candidates").forEach(c -> current.add(c.isNull() ? null : c.asInt()));
            current.add(number(report.path("numbers").path("valid")));
            current.add(number(report.path("numbers").path("invalid")));
            current.add(number(report.path("numbers").path("total")));
        }
        // the fields: typed values when a send was refused, else (for a correction) the current numbers
        List<Map<String, Object>> fields = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (int n = 1; n <= pairs; n++) {
            keys.add("p" + n);
            labels.put("p" + n, "Paslon " + n);
        }
        keys.addAll(List.of("valid", "invalid", "total"));
        labels.put("valid", "Suara sah");
        labels.put("invalid", "Suara tidak sah");
        labels.put("total", "Jumlah suara");
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String value = retry != null ? retry.typed().raw().getOrDefault(key, "")
                    : i < current.size() && current.get(i) != null ? String.valueOf(current.get(i)) : "";
            fields.add(Map.of("key", key, "label", labels.get(key), "value", value, "pair", key.startsWith("p")));
        }
        model.addAttribute("fields", fields);
        model.addAttribute("rulesJson", DeskFormRules.json(pairs, labels, form.path("maxVoters").asInt(600),
                form.path("ballots").isNumber() ? form.path("ballots").asInt() : null,
                form.path("dpt").isNumber() ? form.path("dpt").asInt() : null,
                form.path("reservePercent").asInt(2)));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("retry", retry);
        model.addAttribute("reason", retry == null ? "" : retry.reason());
        model.addAttribute("error", retry == null ? null : retry.error());
        model.addAttribute("serverFlags", retry == null ? List.of() : retry.flags());
        model.addAttribute("photos", photos(tps, contest, report.path("photos")));
        model.addAttribute("rotate", 0);
        model.addAttribute("zoom", 1);
        model.addAttribute("mayAttachPhoto", false);
        model.addAttribute("correctionOpen", retry != null && retry.correction()
                || reported && "flagged".equals(report.path("status").asString()));
    }

    /** The photos of the form attached to the report, newest last, each with the portal's address for it. */
    static List<Map<String, Object>> photos(String tps, String contest, JsonNode photos) {
        List<Map<String, Object>> out = new ArrayList<>();
        int n = 1;
        for (JsonNode p : photos) {
            String sha = p.path("sha256").asString("");
            if (!sha.matches("[0-9a-f]{64}")) {
                continue;
            }
            Map<String, Object> photo = new LinkedHashMap<>();
            photo.put("number", n++);
            photo.put("sha256", sha);
            photo.put("url", "/desk/tps/" + tps + "/" + contest + "/foto/" + sha);
            photo.put("by", p.path("by").asString(""));
            photo.put("at", DeskLabels.time(p.path("at").asString(null)));
            photo.put("kb", Math.max(1, p.path("size").asLong() / 1024));
            out.add(photo);
        }
        return out;
    }

    private static Map<String, Object> reportModel(JsonNode report) {
        Map<String, Object> r = new LinkedHashMap<>();
        String status = report.path("status").asString();
        r.put("status", status);
        r.put("statusLabel", DeskLabels.status(status));
        r.put("counted", report.path("counted").asBoolean());
        r.put("reportedBy", report.path("reportedBy").asString());
        r.put("reportedAt", DeskLabels.time(report.path("reportedAt").asString(null)));
        r.put("updatedAt", DeskLabels.time(report.path("updatedAt").asString(null)));
        r.put("corrections", report.path("corrections").asInt());
        r.put("rows", numberRows(report.path("numbers")));
        List<Map<String, String>> flags = new ArrayList<>();
        report.path("flags").forEach(f -> flags.add(Map.of("title", DeskLabels.check(f.path("code").asString()),
                "message", f.path("message").asString())));
        r.put("flags", flags);
        List<Map<String, Object>> history = new ArrayList<>();
        report.path("history").forEach(h -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", "koreksi".equals(h.path("kind").asString()) ? "Koreksi" : "Laporan");
            e.put("by", h.path("by").asString());
            e.put("at", DeskLabels.time(h.path("at").asString(null)));
            e.put("reason", h.path("reason").asString(""));
            e.put("status", DeskLabels.status(h.path("status").asString(null)));
            e.put("numbers", summary(h.path("numbers")));
            history.add(e);
        });
        r.put("history", history);
        return r;
    }

    private static List<Map<String, String>> numberRows(JsonNode numbers) {
        List<Map<String, String>> rows = new ArrayList<>();
        int n = 1;
        for (JsonNode c : numbers.path("candidates")) {
            rows.add(Map.of("label", "Paslon " + n++, "value", c.isNull() ? "–" : c.asString()));
        }
        rows.add(Map.of("label", "Suara sah", "value", text(numbers.path("valid"))));
        rows.add(Map.of("label", "Suara tidak sah", "value", text(numbers.path("invalid"))));
        rows.add(Map.of("label", "Jumlah suara", "value", text(numbers.path("total"))));
        return rows;
    }

    private static String summary(JsonNode numbers) {
        List<String> pairs = new ArrayList<>();
        numbers.path("candidates").forEach(c -> pairs.add(c.isNull() ? "–" : c.asString()));
        return "paslon " + String.join(" / ", pairs) + " · sah " + text(numbers.path("valid")) + " · tidak sah "
                + text(numbers.path("invalid")) + " · jumlah " + text(numbers.path("total"));
    }

    private static String text(JsonNode n) {
        return n.isNumber() ? n.asString() : "–";
    }

    private static Integer number(JsonNode n) {
        return n.isNumber() ? n.asInt() : null;
    }

    private static Map<String, Object> tally(JsonNode t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tpsTotal", t.path("tpsTotal").asInt());
        m.put("reported", t.path("reported").asInt());
        m.put("counted", t.path("counted").asInt());
        m.put("flagged", t.path("flagged").asInt());
        m.put("notReported", t.path("notReported").asInt());
        double percent = t.path("percentReported").asDouble();
        m.put("percent", String.valueOf(percent).replace('.', ',').replaceAll(",0$", ""));
        m.put("percentValue", percent);
        m.put("last", DeskLabels.time(t.path("lastReportAt").asString(null)));
        m.put("lastClock", DeskLabels.clock(t.path("lastReportAt").asString(null)));
        List<Map<String, String>> totals = new ArrayList<>();
        t.path("totals").forEach(x -> totals.add(Map.of("label", DeskLabels.field(x.path("key").asString()),
                "value", String.format("%,d", x.path("value").asLong()).replace(',', '.'))));
        m.put("totals", totals);
        return m;
    }

    private static Map<String, Object> tpsRow(JsonNode r, String contest) {
        Map<String, Object> m = new LinkedHashMap<>();
        String code = r.path("tpsCode").asString();
        String status = r.path("status").asString("belum_masuk");
        m.put("code", code);
        m.put("number", code.length() == 17 ? code.substring(14) : code);
        m.put("status", status);
        m.put("statusLabel", DeskLabels.status(status));
        m.put("by", r.path("reportedBy").asString(null));
        m.put("at", DeskLabels.clock(r.path("updatedAt").asString(null)));
        m.put("corrections", r.path("corrections").asInt());
        m.put("href", "/desk/tps/" + code + "/" + contest);
        return m;
    }

    /** From the user's own region down to the one shown, with names from the Kemendagri data. */
    private static List<Map<String, String>> crumbs(String home, String region) {
        List<String> codes = new ArrayList<>();
        if (DeskAccess.NATIONAL_REGION.equals(home)) {
            codes.add(home);
        }
        if (!DeskAccess.NATIONAL_REGION.equals(region)) {
            String[] parts = region.split("\\.");
            StringBuilder code = new StringBuilder();
            for (String part : parts) {
                code.append(code.isEmpty() ? "" : ".").append(part);
                String c = code.toString();
                if (DeskAccess.NATIONAL_REGION.equals(home) || c.length() >= home.length()) {
                    codes.add(c);
                }
            }
        }
        List<Map<String, String>> crumbs = new ArrayList<>();
        for (String c : codes) {
            String name = DeskAccess.NATIONAL_REGION.equals(c) ? "Indonesia"
                    : Wilayah.indonesia().find(c).map(r -> r.name()).orElse(c);
            crumbs.add(Map.of("code", c, "name", name));
        }
        return crumbs;
    }

    static String validKey(String key) {
        if (key != null && key.matches("[A-Za-z0-9-]{8,100}")) {
            return key;
        }
        return UUID.randomUUID().toString();
    }
}
