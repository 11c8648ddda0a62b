package id.pemilu.portal.kpps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live checks say what recap-service's checks would flag, with the failing sum in words. */
class FormChecksTest {

    static final List<String> PPWP = List.of("dpt.men", "dpt.women", "dpt.total", "dptb.men", "dptb.women",
            "dptb.total", "dpk.men", "dpk.women", "dpk.total", "all.men", "all.women", "all.total", "voted.dpt.men",
            "voted.dpt.women", "voted.dpt.total", "voted.dptb.men", "voted.dptb.women", "voted.dptb.total",
            "voted.dpk.men", "voted.dpk.women", "voted.dpk.total", "voted.all.men", "voted.all.women",
            "voted.all.total", "ballots.received", "ballots.used", "ballots.unused", "ballots.damaged",
            "votes.candidate.1", "votes.candidate.2", "votes.candidate.3", "votes.valid", "votes.invalid",
            "votes.total");

    static Map<String, Integer> consistent() {
        Map<String, Integer> v = new LinkedHashMap<>();
        row(v, "dpt", 100, 110);
        row(v, "dptb", 2, 1);
        row(v, "dpk", 0, 0);
        row(v, "all", 102, 111);
        row(v, "voted.dpt", 100, 100);
        row(v, "voted.dptb", 2, 1);
        row(v, "voted.dpk", 0, 0);
        row(v, "voted.all", 102, 101);
        v.put("ballots.received", 215);
        v.put("ballots.used", 203);
        v.put("ballots.unused", 10);
        v.put("ballots.damaged", 2);
        v.put("votes.candidate.1", 103);
        v.put("votes.candidate.2", 0);
        v.put("votes.candidate.3", 97);
        v.put("votes.valid", 200);
        v.put("votes.invalid", 3);
        v.put("votes.total", 203);
        return v;
    }

    static void row(Map<String, Integer> v, String row, int men, int women) {
        v.put(row + ".men", men);
        v.put(row + ".women", women);
        v.put(row + ".total", men + women);
    }

    List<FormChecks.Rule> rules() {
        return FormChecks.rules(PPWP, 210, 300, 2, 2);
    }

    @Test
    void aConsistentFormPassesEveryCheck() {
        assertThat(FormChecks.evaluate(rules(), consistent())).isEmpty();
    }

    @Test
    void theFailingSumIsShownInWords() {
        Map<String, Integer> v = consistent();
        v.put("votes.candidate.3", 102);
        v.put("votes.valid", 206);
        v.put("votes.total", 209);
        assertThat(FormChecks.evaluate(rules(), v)).extracting(FormChecks.Failure::message)
                .contains("jumlah suara sah 206 ≠ 103 + 0 + 102")
                .contains("jumlah suara sah dan tidak sah 209 ≠ 203"); // votes vs voters who voted
    }

    @Test
    void everyRuleOfRecapServiceHasItsCounterpart() {
        Map<String, Integer> v = new HashMap<>(consistent());
        v.put("dpt.total", 215);            // GENDER_SUM, REGISTERED_SUM, DPT_MISMATCH
        v.put("voted.dpt.total", 216);      // VOTED_OVER_DPT, VOTED_SUM, GENDER_SUM
        v.put("ballots.unused", 11);        // BALLOTS_BALANCE
        v.put("ballots.received", 400);     // BALLOTS_RESERVE, OUT_OF_RANGE
        v.put("votes.invalid", null);       // MISSING_FIELDS
        assertThat(FormChecks.evaluate(rules(), v)).extracting(FormChecks.Failure::code).contains("GENDER_SUM",
                "REGISTERED_SUM", "DPT_MISMATCH", "VOTED_OVER_DPT", "VOTED_SUM", "BALLOTS_BALANCE", "BALLOTS_RESERVE",
                "OUT_OF_RANGE", "MISSING_FIELDS");
        assertThat(FormChecks.evaluate(rules(), v)).extracting(FormChecks.Failure::message)
                .contains("Jumlah suara tidak sah belum diisi", "DPT pada formulir 215 ≠ 210 (terdaftar)");
    }
}
