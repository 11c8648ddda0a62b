package id.pemilu.portal.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * desk-pilkada's checks of a quick report (its QuickChecks: every number filled, the pairs add up to the valid votes,
 * valid + invalid = total, each number 0..max voters per TPS, the total no more than the TPS's ballots) as data for
 * desk.js, which runs them while the reporter types. desk-pilkada checks again on every send.
 */
final class DeskFormRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeskFormRules() {
    }

    static String json(int pairs, Map<String, String> labels, int maxVoters, Integer ballots, Integer dpt,
                       int reservePercent) {
        List<String> pairKeys = new ArrayList<>();
        for (int n = 1; n <= pairs; n++) {
            pairKeys.add("p" + n);
        }
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(Map.of("kind", "filled", "keys", List.copyOf(labels.keySet())));
        rules.add(Map.of("kind", "sum", "total", "valid", "terms", pairKeys,
                "words", "Suara sah", "termsWords", "suara paslon"));
        rules.add(Map.of("kind", "sum", "total", "total", "terms", List.of("valid", "invalid"),
                "words", "Jumlah suara", "termsWords", "sah + tidak sah"));
        rules.add(Map.of("kind", "max", "keys", List.copyOf(labels.keySet()), "value", maxVoters));
        if (ballots != null) {
            rules.add(Map.of("kind", "ballots", "total", "total", "value", ballots,
                    "words", "surat suara TPS ini (DPT " + dpt + " + " + reservePercent + " %)"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", labels);
        out.put("rules", rules);
        // inside <script type="application/json">: no "</" can close the element early
        return JSON.writeValueAsString(out).replace("</", "<\\/");
    }
}
