package id.pemilu.portal.results;

import id.pemilu.portal.ballot.BallotTypes;
import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.backend.RecapApi;
import id.pemilu.portal.backend.ShortLivedCache;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Results as citizens browse them: a region's counted totals, how many TPS have reported, the flagged TPS kept
 * apart, its sub-regions, down to each TPS with its numbers, flags and the photo of its C.Hasil.
 */
@Controller
class ResultsController {

    private final RecapApi recap;
    private final ShortLivedCache cache;

    ResultsController(RecapApi recap, ShortLivedCache cache) {
        this.recap = recap;
        this.cache = cache;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/hasil";
    }

    @GetMapping("/hasil")
    String region(@RequestParam(name = "wilayah", required = false) String wilayah,
                  @RequestParam(name = "jenis", defaultValue = "PPWP") String jenis, Model model) {
        String code = RegionCodes.valid(wilayah);
        String type = BallotTypes.valid(jenis);
        Map<String, Object> totals = cache.get("totals/" + type + "/" + code,
                () -> recap.object("/api/recap/public/totals?region={r}&ballotType={t}", code, type));
        if (totals == null) {
            throw new RegionNotFound();
        }
        Map<String, Object> download = cache.get("rows/" + type + "/" + code,
                () -> recap.object("/api/recap/public/download?region={r}&ballotType={t}&format=json", code, type));
        Map<String, Object> counted = map(totals.get("counted"));
        List<Map<String, Object>> values = list(counted.get("values"));
        model.addAttribute("region", map(totals.get("region")));
        model.addAttribute("regionCode", code);
        model.addAttribute("parentCode", RegionCodes.parent(code));
        model.addAttribute("ballotType", type);
        model.addAttribute("ballotTypes", BallotTypes.NAMES);
        model.addAttribute("progress", map(totals.get("progress")));
        model.addAttribute("counted", counted);
        model.addAttribute("flagged", map(totals.get("flagged")));
        model.addAttribute("voteRows", labelled(values, true));
        model.addAttribute("otherRows", labelled(values, false));
        List<String> columns = ResultCharts.participants(type, Tally.of(values), ResultCharts.NONE).stream()
                .map(ResultCharts.Participant::label).toList();
        model.addAttribute("columns", columns);
        model.addAttribute("children", download == null ? List.of() : list(download.get("rows")).stream()
                .map(row -> withColumns(row, type, columns)).toList());
        model.addAttribute("updatedAt", WibTime.of(totals.get("updatedAt")));
        List<ResultCharts.Participant> participants = ResultCharts.participants(type, Tally.of(values),
                ResultCharts.NONE);
        model.addAttribute("participants", participants);
        model.addAttribute("legislative", Tally.legislative(type));
        model.addAttribute("resultChart", ResultCharts.bars("perolehan", "Perolehan suara", participants));
        model.addAttribute("progressChart", ResultCharts.progress("kemajuan", map(totals.get("progress"))));
        Map<String, Long> countedSums = Tally.of(values);
        Map<String, Long> flaggedSums = Tally.of(list(map(totals.get("flagged")).get("values")));
        model.addAttribute("countedValid", countedSums.getOrDefault("votes.valid", 0L));
        model.addAttribute("flaggedValid", flaggedSums.getOrDefault("votes.valid", 0L));
        List<Map<String, Object>> regionChildren = download == null ? List.of() : list(download.get("rows")).stream()
                .filter(row -> !"TPS".equals(row.get("level"))).toList();
        model.addAttribute("comparisonChart", regionChildren.isEmpty() ? null
                : ResultCharts.comparison("perbandingan", type, regionChildren));
        model.addAttribute("legend", participants);
        return "hasil";
    }

    @GetMapping("/tps/{code}")
    String tps(@PathVariable String code, Model model) {
        if (!code.matches("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}\\.\\d{3}")) {
            throw new RegionNotFound();
        }
        Map<String, Object> tps = cache.get("tps/" + code, () -> recap.object("/api/recap/public/tps/{c}", code));
        if (tps == null) {
            throw new RegionNotFound();
        }
        List<Map<String, Object>> ballots = new ArrayList<>();
        for (Map<String, Object> ballot : list(tps.get("ballots"))) {
            Map<String, Object> view = new LinkedHashMap<>(ballot);
            view.put("ballotName", BallotTypes.NAMES.getOrDefault(String.valueOf(ballot.get("ballotType")),
                    String.valueOf(ballot.get("ballotType"))));
            view.put("rows", labelled(list(ballot.get("values")), null));
            String type = String.valueOf(ballot.get("ballotType"));
            List<ResultCharts.Participant> participants = ResultCharts.participants(type,
                    Tally.of(list(ballot.get("values"))), ResultCharts.NONE);
            view.put("chart", participants.isEmpty() ? null
                    : ResultCharts.bars("tps-" + type, "Perolehan suara di TPS ini", participants));
            view.put("sourceLabel", SOURCES.get(String.valueOf(ballot.get("source"))));
            view.put("updatedAtWib", WibTime.of(ballot.get("updatedAt")));
            view.put("history", history(list(ballot.get("history")), code, list(tps.get("path"))));
            ballots.add(view);
        }
        model.addAttribute("tps", tps);
        model.addAttribute("path", list(tps.get("path")));
        model.addAttribute("ballots", ballots);
        return "tps";
    }

    @ExceptionHandler(RegionNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "Wilayah atau TPS itu tidak ada.");
        return "pesan";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(IllegalArgumentException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "pesan";
    }

    @ExceptionHandler(BackendUnavailable.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(Model model) {
        model.addAttribute("message", "Data rekapitulasi sedang tidak bisa dibaca. Coba muat ulang sebentar lagi.");
        return "pesan";
    }

    static final class RegionNotFound extends RuntimeException {
    }

    private static final Map<String, String> SOURCES = Map.of(
            "manual", "diketik petugas KPPS tanpa foto",
            "photo-reading", "dibaca dari foto, dicek dan dikonfirmasi petugas KPPS");

    /**
     * The public history of a result, oldest first, each version with the office that recorded it (recap-service
     * publishes the role, not the officer's name), the checks it failed, and what changed since the one before.
     */
    static List<Map<String, Object>> history(List<Map<String, Object>> changes, String tpsCode,
                                             List<Map<String, Object>> path) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Long> before = null;
        for (Map<String, Object> change : changes) {
            Map<String, Object> view = new LinkedHashMap<>(change);
            view.put("atWib", WibTime.of(change.get("at")));
            view.put("office", office(change.get("role") == null ? null : String.valueOf(change.get("role")), tpsCode,
                    path));
            List<String> flags = new ArrayList<>();
            if (change.get("flags") instanceof List<?> codes) {
                codes.forEach(c -> flags.add(FlagLabels.of(String.valueOf(c))));
            }
            view.put("flagWords", flags.isEmpty() ? null : String.join("; ", flags));
            Map<String, Long> now = Tally.of(list(change.get("values")));
            if (before != null && !now.isEmpty()) {
                List<String> changed = new ArrayList<>();
                for (Map.Entry<String, Long> e : now.entrySet()) {
                    Long old = before.get(e.getKey());
                    if (!e.getValue().equals(old)) {
                        changed.add(FieldLabels.of(e.getKey()) + " " + (old == null ? "–" : old) + " → " + e.getValue());
                    }
                }
                view.put("changed", changed.isEmpty() ? null : String.join("; ", changed));
            }
            if (!now.isEmpty()) {
                before = now;
            }
            out.add(view);
        }
        return out;
    }

    /** Who acted, by office: "KPPS TPS …", "PPK Kecamatan Gambir", "KPU Kota Administrasi Jakarta Pusat", "KPU RI". */
    static String office(String role, String tpsCode, List<Map<String, Object>> path) {
        if (role == null) {
            return null;
        }
        return switch (role) {
            case "kpps" -> "KPPS TPS " + tpsCode;
            case "ppk" -> "PPK" + regionName(path, 8, " Kecamatan ");
            case "kpu-kabkota" -> "KPU" + regionName(path, 5, " ");
            case "kpu-provinsi" -> "KPU Provinsi" + regionName(path, 2, " ");
            case "kpu-ri" -> "KPU RI";
            default -> role;
        };
    }

    private static String regionName(List<Map<String, Object>> path, int codeLength, String prefix) {
        for (Map<String, Object> region : path) {
            String code = String.valueOf(region.get("code"));
            if (code.length() == codeLength && region.get("name") != null) {
                return prefix + region.get("name");
            }
        }
        return "";
    }

    /** Rows with a label; {@code votes} true = only candidate/party rows, false = only the others, null = all. */
    private static List<Map<String, Object>> labelled(List<Map<String, Object>> values, Boolean votes) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> value : values) {
            String key = String.valueOf(value.get("key"));
            if (votes != null && FieldLabels.isVoteRow(key) != votes) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(value);
            row.put("label", FieldLabels.of(key));
            rows.add(row);
        }
        return rows;
    }

    /** A sub-region row with its votes per participant in the region's column order, and its valid votes. */
    private static Map<String, Object> withColumns(Map<String, Object> row, String type, List<String> columns) {
        Map<String, Object> view = new LinkedHashMap<>(row);
        Map<String, Long> sums = Tally.of(list(row.get("values")));
        Map<String, Long> byLabel = new LinkedHashMap<>();
        for (ResultCharts.Participant p : ResultCharts.participants(type, sums, ResultCharts.NONE)) {
            byLabel.put(p.label(), p.votes());
        }
        List<Object> cells = new ArrayList<>();
        for (String label : columns) {
            cells.add(byLabel.get(label));
        }
        view.put("voteColumns", cells);
        view.put("validVotes", sums.get("votes.valid"));
        return view;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
