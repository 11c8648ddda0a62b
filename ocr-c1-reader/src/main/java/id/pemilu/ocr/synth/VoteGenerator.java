package id.pemilu.ocr.synth;

import id.pemilu.common.events.C1FieldKeys;
import id.pemilu.ocr.form.FormTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Plausible, arithmetically consistent numbers for one TPS (at most {@code maxVoters} on the DPT). */
public final class VoteGenerator {

    private VoteGenerator() {
    }

    public static Map<String, Integer> generate(FormTemplate template, Random random) {
        return generate(template, random, null, null);
    }

    /**
     * As {@link #generate(FormTemplate, Random)}, but with the DPT of a real TPS (men, women) when both are given, so
     * the form matches the TPS registry.
     */
    public static Map<String, Integer> generate(FormTemplate template, Random random, Integer dptMenGiven,
                                                Integer dptWomenGiven) {
        Map<String, Integer> v = new LinkedHashMap<>();
        int dpt = 120 + random.nextInt(template.maxVoters() - 150);
        int dptMen = (int) Math.round(dpt * (0.44 + random.nextDouble() * 0.12));
        if (dptMenGiven != null && dptWomenGiven != null) {
            if (dptMenGiven < 0 || dptWomenGiven < 0 || dptMenGiven + dptWomenGiven > template.maxVoters()) {
                throw new IllegalArgumentException("DPT harus 0 sampai " + template.maxVoters() + " pemilih");
            }
            dptMen = dptMenGiven;
            dpt = dptMenGiven + dptWomenGiven;
        }
        row(v, "dpt", dptMen, dpt - dptMen);
        row(v, "dptb", random.nextInt(6), random.nextInt(6));
        row(v, "dpk", random.nextInt(5), random.nextInt(5));
        double turnout = 0.6 + random.nextDouble() * 0.35;
        if (dptMenGiven != null && dptWomenGiven != null) {
            // a registered TPS receives DPT + 2 % ballots: DPTb/DPK voters and damaged ballots come out of that reserve
            int registered = v.get("dpt.total") + v.get("dptb.total") + v.get("dpk.total");
            int ballots = v.get("dpt.total") + (int) Math.ceil(v.get("dpt.total") * 0.02);
            // slack for damaged ballots, rounding and the ±5 % noise of share()
            double slack = 9 + Math.ceil(registered * 0.05);
            turnout = Math.min(turnout, Math.max(0, ballots - slack) / Math.max(1, registered));
        }
        for (String source : new String[] {"dpt", "dptb", "dpk"}) {
            row(v, "voted." + source, share(v.get(source + ".men"), turnout, random),
                    share(v.get(source + ".women"), turnout, random));
        }
        for (String prefix : new String[] {"", "voted."}) {
            row(v, prefix + "all", v.get(prefix + "dpt.men") + v.get(prefix + "dptb.men") + v.get(prefix + "dpk.men"),
                    v.get(prefix + "dpt.women") + v.get(prefix + "dptb.women") + v.get(prefix + "dpk.women"));
        }
        int used = v.get("voted.all.total");
        int damaged = random.nextInt(4);
        int reserve = v.get("dpt.total") + (int) Math.ceil(v.get("dpt.total") * 0.02);
        int received = Math.max(reserve, used + damaged + random.nextInt(3));
        if (dptMenGiven != null && dptWomenGiven != null && used + damaged <= reserve) {
            received = reserve;
        }
        v.put(C1FieldKeys.BALLOTS_RECEIVED, received);
        v.put(C1FieldKeys.BALLOTS_DAMAGED, damaged);
        v.put(C1FieldKeys.BALLOTS_UNUSED, received - used - damaged);
        v.put(C1FieldKeys.BALLOTS_USED, used);
        int invalid = random.nextInt(Math.min(13, used + 1));
        int valid = used - invalid;
        List<String> voteKeys = voteKeys(template);
        double[] weights = new double[voteKeys.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextDouble() < 0.15 ? 0 : Math.pow(random.nextDouble(), 2);
            total += weights[i];
        }
        int left = valid;
        for (int i = 0; i < voteKeys.size(); i++) {
            int votes = i == voteKeys.size() - 1 ? left
                    : Math.min(left, (int) Math.floor(total == 0 ? 0 : valid * weights[i] / total));
            v.put(voteKeys.get(i), votes);
            left -= votes;
        }
        splitPartyTotals(v, voteKeys, random);
        v.put(C1FieldKeys.VOTES_VALID, valid);
        v.put(C1FieldKeys.VOTES_INVALID, invalid);
        v.put(C1FieldKeys.VOTES_TOTAL, used);
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (FormTemplate.Field field : template.fields()) {
            ordered.put(field.key(), v.get(field.key()));
        }
        return ordered;
    }

    /** The numbers that add up to the valid votes: candidate (pair) votes, or each party's total. */
    static List<String> voteKeys(FormTemplate template) {
        List<String> keys = new ArrayList<>();
        for (FormTemplate.Field field : template.fields()) {
            String key = field.key();
            if (key.startsWith("votes.candidate.") || key.startsWith("votes.party.") && key.endsWith(".total")) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * Legislative forms: each party's total split into the party's own votes (5-35 % of it) and its candidates' votes,
     * and both columns added up.
     */
    private static void splitPartyTotals(Map<String, Integer> v, List<String> voteKeys, Random random) {
        int own = 0;
        int candidates = 0;
        boolean legislative = false;
        for (String key : voteKeys) {
            if (!key.endsWith(".total")) {
                continue;
            }
            legislative = true;
            String party = key.substring(0, key.length() - ".total".length());
            int total = v.get(key);
            int partyOnly = (int) Math.round(total * (0.05 + 0.3 * random.nextDouble()));
            v.put(party, partyOnly);
            v.put(party + ".candidates", total - partyOnly);
            own += partyOnly;
            candidates += total - partyOnly;
        }
        if (legislative) {
            v.put(C1FieldKeys.VOTES_PARTIES_OWN, own);
            v.put(C1FieldKeys.VOTES_PARTIES_CANDIDATES, candidates);
        }
    }

    private static int share(int of, double turnout, Random random) {
        return Math.min(of, (int) Math.round(of * Math.min(1, turnout + (random.nextDouble() - 0.5) * 0.1)));
    }

    private static void row(Map<String, Integer> v, String row, int men, int women) {
        v.put(row + ".men", men);
        v.put(row + ".women", women);
        v.put(row + ".total", men + women);
    }
}
