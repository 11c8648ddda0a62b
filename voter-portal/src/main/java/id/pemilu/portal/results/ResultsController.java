package id.pemilu.portal.results;

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
        List<String> voteKeys = labelled(values, true).stream().map(r -> String.valueOf(r.get("key"))).toList();
        model.addAttribute("voteKeys", voteKeys);
        model.addAttribute("children", download == null ? List.of() : list(download.get("rows")).stream()
                .map(row -> withColumns(row, voteKeys)).toList());
        model.addAttribute("updatedAt", WibTime.of(totals.get("updatedAt")));
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

    /** A sub-region row with its vote columns in ballot order ({@code voteColumns}) and its valid votes. */
    private static Map<String, Object> withColumns(Map<String, Object> row, List<String> voteKeys) {
        Map<String, Object> view = new LinkedHashMap<>(row);
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Map<String, Object> value : list(row.get("values"))) {
            byKey.put(String.valueOf(value.get("key")), value.get("value"));
        }
        List<Object> columns = new ArrayList<>();
        for (String key : voteKeys) {
            columns.add(byKey.get(key));
        }
        view.put("voteColumns", columns);
        view.put("validVotes", byKey.get("votes.valid"));
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
