package id.pemilu.portal.kpps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * recap-service's arithmetic checks of a C.Hasil, as data the page can run while the officer types (the same list
 * is sent to the browser as JSON and evaluated by kpps.js with the same messages) and the portal can run on a plain
 * form post. recap-service checks again on confirm: this is only so the officer sees a failing sum at once, in
 * words ("jumlah suara sah 206 ≠ 103 + 0 + 102").
 *
 * <p>Kinds: {@code sum} (terms add up to {@code total}), {@code atMost} ({@code total} ≤ the one term), {@code equals}
 * ({@code total} = {@code value}), {@code near} (|{@code total} − {@code value}| ≤ {@code tolerance}),
 * {@code range} (0 ≤ {@code total} ≤ {@code value}), {@code filled} ({@code total} is not empty).
 */
public final class FormChecks {

    private static final Pattern VOTE_KEY = Pattern.compile("votes\\.(candidate\\.\\d+|party\\.\\d+(\\.candidate\\.\\d+)?)");
    private static final String[] ROWS = {"dpt", "dptb", "dpk", "all", "voted.dpt", "voted.dptb", "voted.dpk",
            "voted.all"};

    /** One check; {@code words} names the total in the failure message. */
    public record Rule(String code, String kind, String total, List<String> terms, Integer value, Integer tolerance,
                       String words) {
    }

    public record Failure(String code, String key, String message) {
    }

    private FormChecks() {
    }

    /**
     * The checks for a form with these keys.
     *
     * @param registeredDpt DPT of the TPS in the registry (0 if unknown)
     * @param maxVoters     300 (Pilkada 600)
     */
    public static List<Rule> rules(List<String> keys, int registeredDpt, int maxVoters, int reservePercent,
                                   int reserveTolerance) {
        List<Rule> rules = new ArrayList<>();
        for (String key : keys) {
            rules.add(new Rule("MISSING_FIELDS", "filled", key, List.of(), null, null, KppsLabels.field(key)));
        }
        for (String row : ROWS) {
            if (keys.contains(row + ".total") && keys.contains(row + ".men") && keys.contains(row + ".women")) {
                rules.add(new Rule("GENDER_SUM", "sum", row + ".total", List.of(row + ".men", row + ".women"), null,
                        null, KppsLabels.field(row + ".total").toLowerCase()));
            }
        }
        sum(rules, keys, "REGISTERED_SUM", "all.total", List.of("dpt.total", "dptb.total", "dpk.total"),
                "jumlah pemilih terdaftar");
        sum(rules, keys, "VOTED_SUM", "voted.all.total", List.of("voted.dpt.total", "voted.dptb.total",
                "voted.dpk.total"), "jumlah pengguna hak pilih");
        if (keys.contains("voted.dpt.total") && keys.contains("dpt.total")) {
            rules.add(new Rule("VOTED_OVER_DPT", "atMost", "voted.dpt.total", List.of("dpt.total"), null, null,
                    "pemilih DPT yang memilih"));
        }
        if (keys.contains("dpt.total") && registeredDpt > 0) {
            rules.add(new Rule("DPT_MISMATCH", "equals", "dpt.total", List.of(), registeredDpt, null,
                    "DPT pada formulir"));
        }
        List<String> votes = keys.stream().filter(k -> VOTE_KEY.matcher(k).matches()).toList();
        if (!votes.isEmpty()) {
            sum(rules, keys, "VOTES_SUM", "votes.valid", votes, "jumlah suara sah");
        }
        sum(rules, keys, "VALID_PLUS_INVALID", "votes.total", List.of("votes.valid", "votes.invalid"),
                "jumlah suara sah dan tidak sah");
        sum(rules, keys, "TOTAL_VS_VOTERS", "votes.total", List.of("voted.all.total"),
                "jumlah suara sah dan tidak sah");
        sum(rules, keys, "TOTAL_VS_BALLOTS_USED", "votes.total", List.of("ballots.used"),
                "jumlah suara sah dan tidak sah");
        sum(rules, keys, "BALLOTS_BALANCE", "ballots.received", List.of("ballots.used", "ballots.unused",
                "ballots.damaged"), "surat suara diterima");
        if (keys.contains("ballots.received") && registeredDpt > 0) {
            rules.add(new Rule("BALLOTS_RESERVE", "near", "ballots.received", List.of(),
                    expectedBallots(registeredDpt, reservePercent), reserveTolerance,
                    "surat suara diterima (DPT + " + reservePercent + "% cadangan)"));
        }
        int ballotLimit = expectedBallots(maxVoters, reservePercent) + reserveTolerance;
        for (String key : keys) {
            rules.add(new Rule("OUT_OF_RANGE", "range", key, List.of(),
                    key.startsWith("ballots.") ? ballotLimit : maxVoters, null, KppsLabels.field(key)));
        }
        if (keys.contains("voted.all.total") && keys.contains("all.total")) {
            rules.add(new Rule("OUT_OF_RANGE", "atMost", "voted.all.total", List.of("all.total"), null, null,
                    "jumlah pengguna hak pilih"));
        }
        return rules;
    }

    static int expectedBallots(int dpt, int reservePercent) {
        return dpt + (dpt * reservePercent + 99) / 100;
    }

    private static void sum(List<Rule> rules, List<String> keys, String code, String total, List<String> terms,
                            String words) {
        if (keys.contains(total) && keys.containsAll(terms)) {
            rules.add(new Rule(code, "sum", total, terms, null, null, words));
        }
    }

    /** The failing checks for these values (null = empty field), with their messages. */
    public static List<Failure> evaluate(List<Rule> rules, Map<String, Integer> values) {
        List<Failure> failures = new ArrayList<>();
        for (Rule rule : rules) {
            Integer total = values.get(rule.total());
            String message = switch (rule.kind()) {
                case "filled" -> total == null ? rule.words() + " belum diisi" : null;
                case "sum" -> {
                    List<Integer> terms = rule.terms().stream().map(values::get).toList();
                    if (total == null || terms.contains(null)) {
                        yield null;
                    }
                    int sum = terms.stream().mapToInt(Integer::intValue).sum();
                    yield sum == total ? null : rule.words() + " " + total + " ≠ " + String.join(" + ",
                            terms.stream().map(String::valueOf).toList());
                }
                case "atMost" -> {
                    Integer limit = values.get(rule.terms().get(0));
                    yield total == null || limit == null || total <= limit ? null
                            : rule.words() + " " + total + " > " + limit;
                }
                case "equals" -> total == null || total.equals(rule.value()) ? null
                        : rule.words() + " " + total + " ≠ " + rule.value() + " (terdaftar)";
                case "near" -> total == null || Math.abs(total - rule.value()) <= rule.tolerance() ? null
                        : rule.words() + " " + total + " jauh dari " + rule.value();
                case "range" -> total == null || (total >= 0 && total <= rule.value()) ? null
                        : rule.words() + " " + total + " di luar batas 0–" + rule.value();
                default -> null;
            };
            if (message != null) {
                failures.add(new Failure(rule.code(), rule.total(), message));
            }
        }
        return failures;
    }
}
