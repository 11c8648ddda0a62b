package id.pemilu.portal.results;

import id.pemilu.portal.ballot.BallotTypes;
import id.pemilu.portal.backend.BackendUnavailable;
import id.pemilu.portal.backend.CandidatesApi;
import id.pemilu.portal.backend.RecapApi;
import id.pemilu.portal.backend.ShortLivedCache;
import id.pemilu.portal.charts.Svg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Legislative results per dapil (DPR, DPRD, DPD): the dapil's regions added up from recap-service's public totals,
 * shown per party (its own votes, its candidates' votes, together) and per candidate, with the names of the DCT.
 * Seats and elected candidates come from KPU's determination once it is published; until then the page says so.
 */
@Controller
class DapilResultsController {

    private static final String DAPIL_CODE = "[A-Za-z0-9._-]{1,40}";

    private final CandidatesApi candidates;
    private final RecapApi recap;
    private final ShortLivedCache cache;

    DapilResultsController(CandidatesApi candidates, RecapApi recap, ShortLivedCache cache) {
        this.candidates = candidates;
        this.recap = recap;
        this.cache = cache;
    }

    @GetMapping("/hasil/dapil")
    String all(Model model) {
        Object all = cache.get("dapil", () -> candidates.raw("/api/candidates/public/dapil"));
        Map<String, List<Map<String, Object>>> byBody = new TreeMap<>();
        for (Map<String, Object> dapil : list(all)) {
            byBody.computeIfAbsent(String.valueOf(dapil.get("body")), b -> new ArrayList<>()).add(dapil);
        }
        model.addAttribute("byBody", byBody);
        model.addAttribute("ballotTypes", BallotTypes.NAMES);
        return "hasil-dapil-daftar";
    }

    @GetMapping("/hasil/dapil/{code}")
    String dapil(@PathVariable String code, Model model) {
        if (!code.matches(DAPIL_CODE)) {
            throw new ResultsController.RegionNotFound();
        }
        Map<String, Object> ballot = cache.get("dct/" + code,
                () -> candidates.object("/api/candidates/public/dapil/{d}/dct", code));
        if (ballot == null) {
            ballot = cache.get("dcs/" + code, () -> candidates.object("/api/candidates/public/dapil/{d}/dcs", code));
        }
        Map<String, Object> dapil = ballot == null ? findDapil(code) : map(ballot.get("dapil"));
        if (dapil.isEmpty()) {
            throw new ResultsController.RegionNotFound();
        }
        String type = BallotTypes.valid(String.valueOf(dapil.get("body")));
        List<List<Map<String, Object>>> countedParts = new ArrayList<>();
        List<Map<String, Object>> regionRows = new ArrayList<>();
        long tpsTotal = 0;
        long countedTps = 0;
        long flaggedTps = 0;
        long flaggedValid = 0;
        String updatedAt = null;
        for (Map<String, Object> region : list(dapil.get("regions"))) {
            String regionCode = RegionCodes.valid(String.valueOf(region.get("code")));
            Map<String, Object> totals = cache.get("totals/" + type + "/" + regionCode,
                    () -> recap.object("/api/recap/public/totals?region={r}&ballotType={t}", regionCode, type));
            if (totals == null) {
                continue;
            }
            Map<String, Object> counted = map(totals.get("counted"));
            Map<String, Object> flagged = map(totals.get("flagged"));
            Map<String, Object> progress = map(totals.get("progress"));
            countedParts.add(list(counted.get("values")));
            long regionTps = ResultCharts.num(progress.get("tpsTotal"));
            long regionCounted = ResultCharts.num(counted.get("tps"));
            long regionFlagged = ResultCharts.num(flagged.get("tps"));
            tpsTotal += regionTps;
            countedTps += regionCounted;
            flaggedTps += regionFlagged;
            flaggedValid += Tally.of(list(flagged.get("values"))).getOrDefault("votes.valid", 0L);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", regionCode);
            row.put("name", region.get("name"));
            row.put("tpsTotal", regionTps);
            row.put("countedTps", regionCounted);
            row.put("flaggedTps", regionFlagged);
            row.put("values", counted.get("values"));
            regionRows.add(row);
            String at = WibTime.of(totals.get("updatedAt"));
            updatedAt = at != null ? at : updatedAt;
        }
        Map<String, Long> sums = Tally.sum(countedParts);
        List<ResultCharts.Participant> participants = ResultCharts.participants(type, sums, names(ballot, type));
        model.addAttribute("dapil", dapil);
        model.addAttribute("ballotType", type);
        model.addAttribute("ballotName", BallotTypes.NAMES.get(type));
        model.addAttribute("listName", ballot == null ? null : ballot.get("list"));
        model.addAttribute("legislative", Tally.legislative(type));
        model.addAttribute("participants", participants);
        model.addAttribute("resultChart", participants.isEmpty() ? null
                : ResultCharts.bars("perolehan-dapil", "Perolehan suara " + dapil.get("name"), participants));
        model.addAttribute("progressChart", Svg.stacked("kemajuan-dapil", "TPS yang melapor",
                ResultCharts.tpsSegments(countedTps, flaggedTps, tpsTotal)));
        model.addAttribute("tpsTotal", tpsTotal);
        model.addAttribute("countedTps", countedTps);
        model.addAttribute("flaggedTps", flaggedTps);
        model.addAttribute("countedValid", sums.getOrDefault("votes.valid", 0L));
        model.addAttribute("flaggedValid", flaggedValid);
        model.addAttribute("regions", regionRows);
        model.addAttribute("comparisonChart", regionRows.size() < 2 ? null
                : ResultCharts.comparison("perbandingan-dapil", type, regionRows));
        model.addAttribute("updatedAt", updatedAt);
        model.addAttribute("seats", seats(type, code, dapil, ballot, participants));
        return "hasil-dapil";
    }

    /**
     * The seats and elected candidates of this dapil from KPU's published determination (recap-service's
     * {@code /api/recap/public/determinations}), or null while none is published: DPR and DPRD from the dapil's row
     * of the seat allocation, DPD from the province's elected candidates.
     */
    private Map<String, Object> seats(String type, String code, Map<String, Object> dapil, Map<String, Object> ballot,
                                      List<ResultCharts.Participant> participants) {
        String region = determinationRegion(type, list(dapil.get("regions")));
        if (region == null) {
            return null;
        }
        Map<String, Object> published = cache.get("penetapan/" + type + "/" + region, () -> recap.object(
                "/api/recap/public/determinations?ballotType={t}&region={r}", type, region));
        if (published == null) {
            return null;
        }
        Map<String, Object> determination = map(published.get("determination"));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", published.get("version"));
        view.put("publishedAt", WibTime.of(published.get("publishedAt")));
        view.put("publishedBy", published.get("publishedBy"));
        view.put("calculationUrl", published.get("calculationUrl"));
        view.put("sha256", published.get("sha256"));
        view.put("noVotes", "BELUM_ADA_SUARA".equals(determination.get("status")));
        Map<String, String> partyLabels = new HashMap<>();
        Map<String, String> partyColours = new HashMap<>();
        Map<String, String> colourByNumber = new HashMap<>();
        for (ResultCharts.Participant p : participants) {
            colourByNumber.put(p.label().replaceFirst("\\..*", ""), p.color());
        }
        if (ballot != null) {
            for (Map<String, Object> party : list(ballot.get("parties"))) {
                String id = String.valueOf(party.get("partyId"));
                Object number = party.get("ballotNumber");
                String name = party.get("abbreviation") == null ? String.valueOf(party.get("name"))
                        : party.get("name") + " (" + party.get("abbreviation") + ")";
                partyLabels.put(id, number == null ? name : number + ". " + name);
                if (number != null && colourByNumber.containsKey(String.valueOf(number))) {
                    partyColours.put(id, colourByNumber.get(String.valueOf(number)));
                }
            }
        }
        List<Map<String, Object>> elected = new ArrayList<>();
        if (type.equals("DPD")) {
            for (Map<String, Object> e : list(determination.get("elected"))) {
                elected.add(Map.of("name", String.valueOf(e.get("name")), "party", "",
                        "votes", ResultCharts.num(e.get("votes"))));
            }
            view.put("elected", elected);
            view.put("parties", List.of());
            view.put("chart", null);
            return view;
        }
        Map<String, Object> allocation = list(determination.get("dapils")).stream()
                .filter(d -> code.equals(d.get("dapilCode"))).findFirst().orElse(null);
        if (allocation == null) {
            view.put("missing", true);
            return view;
        }
        List<Map<String, Object>> parties = new ArrayList<>();
        List<Svg.Segment> segments = new ArrayList<>();
        for (Map<String, Object> p : list(allocation.get("parties"))) {
            long won = ResultCharts.num(p.get("seats"));
            if (won <= 0) {
                continue;
            }
            String id = String.valueOf(p.get("partyId"));
            String label = partyLabels.getOrDefault(id, String.valueOf(p.get("partyName")));
            String colour = partyColours.getOrDefault(id, Svg.colour(parties.size()));
            parties.add(Map.of("label", label, "seats", won, "votes", ResultCharts.num(p.get("votes")),
                    "colour", colour));
            segments.add(new Svg.Segment(label, won, colour));
        }
        parties.sort((a, b) -> Long.compare((Long) b.get("seats"), (Long) a.get("seats")));
        for (Map<String, Object> e : list(allocation.get("elected"))) {
            String id = String.valueOf(e.get("partyId"));
            elected.add(Map.of("name", String.valueOf(e.get("candidateName")),
                    "party", partyLabels.getOrDefault(id, String.valueOf(e.get("partyName"))),
                    "votes", ResultCharts.num(e.get("votes"))));
        }
        List<String> belowThreshold = new ArrayList<>();
        Map<String, Object> threshold = map(determination.get("threshold"));
        for (Map<String, Object> row : list(threshold.get("parties"))) {
            if (Boolean.FALSE.equals(row.get("passes"))) {
                belowThreshold.add(partyLabels.getOrDefault(String.valueOf(row.get("partyId")),
                        String.valueOf(row.get("partyName"))));
            }
        }
        view.put("seatCount", ResultCharts.num(allocation.get("seats")));
        view.put("parties", parties);
        view.put("elected", elected);
        view.put("notes", allocation.get("notes"));
        view.put("thresholdPercent", threshold.get("percent"));
        view.put("belowThreshold", belowThreshold);
        view.put("chart", segments.isEmpty() ? null : Svg.stacked("kursi-dapil", "Kursi " + dapil.get("name"),
                segments));
        return view;
    }

    /** The region of a contest's determination: DPR nationwide, DPD and DPRD provinsi per province, DPRD kab/kota. */
    static String determinationRegion(String type, List<Map<String, Object>> regions) {
        String first = regions.isEmpty() ? null : String.valueOf(regions.get(0).get("code"));
        return switch (type) {
            case "DPR" -> "ID";
            case "DPD", "DPRD_PROVINSI" -> first == null || first.length() < 2 ? null : first.substring(0, 2);
            case "DPRD_KABKOTA" -> first == null || first.length() < 5 ? null : first.substring(0, 5);
            default -> null;
        };
    }

    /** Party and candidate names by ballot number from the DCT (or DCS); for DPD the candidates by their number. */
    private static ResultCharts.Names names(Map<String, Object> ballot, String type) {
        Map<Integer, String> parties = new HashMap<>();
        Map<String, String> partyCandidates = new HashMap<>();
        Map<Integer, String> singles = new HashMap<>();
        if (ballot != null) {
            for (Map<String, Object> party : list(ballot.get("parties"))) {
                Object number = party.get("ballotNumber");
                String label = party.get("abbreviation") == null ? String.valueOf(party.get("name"))
                        : party.get("name") + " (" + party.get("abbreviation") + ")";
                for (Map<String, Object> c : list(party.get("candidates"))) {
                    int n = (int) ResultCharts.num(c.get("number"));
                    if (number instanceof Number pn) {
                        partyCandidates.put(pn.intValue() + "/" + n, String.valueOf(c.get("name")));
                    }
                    if (type.equals("DPD")) {
                        singles.put(n, String.valueOf(c.get("name")));
                    }
                }
                if (number instanceof Number pn) {
                    parties.put(pn.intValue(), label);
                }
            }
        }
        return new ResultCharts.Names() {
            @Override
            public String party(int number) {
                return parties.get(number);
            }

            @Override
            public String candidate(int party, int number) {
                return partyCandidates.get(party + "/" + number);
            }

            @Override
            public String single(int number) {
                return singles.get(number);
            }
        };
    }

    private Map<String, Object> findDapil(String code) {
        Object all = cache.get("dapil", () -> candidates.raw("/api/candidates/public/dapil"));
        return list(all).stream().filter(d -> code.equals(d.get("code"))).findFirst().orElse(Map.of());
    }

    @ExceptionHandler(ResultsController.RegionNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "Dapil itu tidak ada.");
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
        model.addAttribute("message", "Data hasil per dapil sedang tidak bisa dibaca. Coba muat ulang sebentar lagi.");
        return "pesan";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            for (Object item : l) {
                if (item instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }
}
