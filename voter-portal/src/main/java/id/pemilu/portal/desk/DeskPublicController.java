package id.pemilu.portal.desk;

import id.pemilu.common.wilayah.Region;
import id.pemilu.common.wilayah.Wilayah;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The public side of Desk Pilkada: the local government's quick totals, labelled as not official, beside KPU's counted
 * totals for the same region, with the difference per candidate pair, over the TPS both sides have, and per TPS (a
 * large difference marked), so that it is seen early. Read from desk-pilkada's public API; cached like every public
 * page (under {@code /hasil/**}).
 */
@Controller
class DeskPublicController {

    private final DeskClient desk;

    DeskPublicController(DeskClient desk) {
        this.desk = desk;
    }

    @GetMapping("/hasil/data-cepat")
    String comparison(@RequestParam(defaultValue = "31") String wilayah,
                      @RequestParam(defaultValue = DeskController.GUBERNUR) String pilkada, Model model) {
        String region = DeskAccess.validRegion(wilayah);
        String contest = DeskAccess.validContest(pilkada);
        DeskClient.Answer answer = desk.comparison(region, contest);
        if (!answer.ok()) {
            throw new IllegalArgumentException(answer.detail());
        }
        JsonNode c = answer.body();
        model.addAttribute("unofficial", DeskLabels.UNOFFICIAL);
        model.addAttribute("region", Map.of("code", region, "name", c.path("region").path("name").asString(),
                "level", DeskLabels.level(c.path("region").path("level").asString())));
        model.addAttribute("contest", contest);
        model.addAttribute("contestLabel", DeskLabels.contest(contest));
        model.addAttribute("contests", DeskLabels.CONTESTS);
        JsonNode d = c.path("desk");
        Map<String, Object> deskSide = new LinkedHashMap<>();
        deskSide.put("reported", d.path("reported").asInt());
        deskSide.put("tpsTotal", d.path("tpsTotal").asInt());
        deskSide.put("counted", d.path("counted").asInt());
        deskSide.put("flagged", d.path("flagged").asInt());
        deskSide.put("percent", String.valueOf(d.path("percentReported").asDouble()).replace('.', ',')
                .replaceAll(",0$", ""));
        deskSide.put("last", DeskLabels.time(d.path("lastReportAt").asString(null)));
        model.addAttribute("deskSide", deskSide);
        JsonNode k = c.path("kpu");
        Map<String, Object> kpuSide = new LinkedHashMap<>();
        kpuSide.put("label", k.path("label").asString());
        kpuSide.put("available", k.path("available").asBoolean(false));
        kpuSide.put("message", k.path("message").asString(""));
        kpuSide.put("counted", k.path("countedTps").asInt());
        kpuSide.put("flagged", k.path("flaggedTps").asInt());
        kpuSide.put("updated", DeskLabels.time(k.path("updatedAt").asString(null)));
        model.addAttribute("kpuSide", kpuSide);
        model.addAttribute("pairs", pairs(c.path("pairs")));
        model.addAttribute("sameTps", c.path("sameTps").path("tps").asInt(0));
        model.addAttribute("samePairs", pairs(c.path("sameTps").path("pairs")));
        List<Map<String, Object>> perTps = new ArrayList<>();
        c.path("perTps").forEach(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", t.path("tpsCode").asString());
            row.put("largest", t.path("largestDifference").asLong());
            row.put("large", t.path("large").asBoolean());
            row.put("pairs", pairs(t.path("pairs")));
            perTps.add(row);
        });
        model.addAttribute("perTps", perTps);
        model.addAttribute("perTpsNote", c.path("perTpsNote").asString(null));
        model.addAttribute("crumbs", crumbs(region));
        model.addAttribute("children", "ID".equals(region) ? List.<Region>of()
                : Wilayah.indonesia().childrenOf(region));
        model.addAttribute("generatedAt", DeskLabels.time(c.path("generatedAt").asString(null)));
        return "desk/data-cepat";
    }

    private static List<Map<String, Object>> pairs(JsonNode pairs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        pairs.forEach(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", DeskLabels.field(p.path("key").asString()));
            row.put("desk", number(p.path("desk")));
            row.put("kpu", number(p.path("kpu")));
            long diff = p.path("difference").asLong(0);
            row.put("difference", p.path("difference").isNumber() ? (diff > 0 ? "+" : "") + number(p.path("difference"))
                    : "–");
            row.put("pair", p.path("key").asString().startsWith("votes.candidate."));
            rows.add(row);
        });
        return rows;
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? String.format("%,d", n.asLong()).replace(',', '.') : "–";
    }

    private static List<Map<String, String>> crumbs(String region) {
        List<Map<String, String>> out = new ArrayList<>();
        if (!"ID".equals(region)) {
            for (Region r : Wilayah.indonesia().path(region)) {
                out.add(Map.of("code", r.code(), "name", r.name()));
            }
        }
        return out;
    }
}
