package id.pemilu.portal.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vote rows of a result read the way a ballot is printed: candidate pairs / candidates by number (PPWP, DPD,
 * Pilkada), or parties by ballot number, each with its own votes and its candidates' votes (DPR, DPRD).
 */
final class Tally {

    private static final Pattern CANDIDATE = Pattern.compile("votes\\.candidate\\.(\\d+)");
    private static final Pattern PARTY = Pattern.compile("votes\\.party\\.(\\d+)");
    private static final Pattern PARTY_CANDIDATE = Pattern.compile("votes\\.party\\.(\\d+)\\.candidate\\.(\\d+)");

    /** A candidate (or pair) with its number and votes. */
    record Candidate(int number, long votes) {
    }

    /** A party with its ballot number, its own votes, its candidates' votes, and their sum. */
    record Party(int number, long own, List<Candidate> candidates) {

        long candidateVotes() {
            return candidates.stream().mapToLong(Candidate::votes).sum();
        }

        long total() {
            return own + candidateVotes();
        }
    }

    private Tally() {
    }

    static boolean legislative(String ballotType) {
        return ballotType.equals("DPR") || ballotType.startsWith("DPRD");
    }

    /** Sums several results' values key by key (e.g. the regions of one dapil); nulls count as nothing. */
    static Map<String, Long> sum(List<List<Map<String, Object>>> results) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (List<Map<String, Object>> values : results) {
            for (Map<String, Object> v : values) {
                if (v.get("value") instanceof Number n) {
                    out.merge(String.valueOf(v.get("key")), n.longValue(), Long::sum);
                }
            }
        }
        return out;
    }

    static Map<String, Long> of(List<Map<String, Object>> values) {
        return sum(List.of(values));
    }

    /** Candidates (or pairs) by number: {@code votes.candidate.N}. */
    static List<Candidate> candidates(Map<String, Long> values) {
        Map<Integer, Long> byNumber = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher m = CANDIDATE.matcher(key);
            if (m.matches()) {
                byNumber.merge(Integer.parseInt(m.group(1)), value, Long::sum);
            }
        });
        List<Candidate> out = new ArrayList<>();
        byNumber.forEach((n, v) -> out.add(new Candidate(n, v)));
        return out;
    }

    /** Parties by ballot number with own votes ({@code votes.party.N}) and candidates ({@code ….candidate.M}). */
    static List<Party> parties(Map<String, Long> values) {
        Map<Integer, Long> own = new TreeMap<>();
        Map<Integer, Map<Integer, Long>> candidates = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher p = PARTY.matcher(key);
            Matcher c = PARTY_CANDIDATE.matcher(key);
            if (p.matches()) {
                own.merge(Integer.parseInt(p.group(1)), value, Long::sum);
            } else if (c.matches()) {
                candidates.computeIfAbsent(Integer.parseInt(c.group(1)), k -> new TreeMap<>())
                        .merge(Integer.parseInt(c.group(2)), value, Long::sum);
            }
        });
        Map<Integer, Party> parties = new TreeMap<>();
        for (Integer number : union(own.keySet(), candidates.keySet())) {
            List<Candidate> list = new ArrayList<>();
            candidates.getOrDefault(number, Map.of()).forEach((n, v) -> list.add(new Candidate(n, v)));
            parties.put(number, new Party(number, own.getOrDefault(number, 0L), list));
        }
        return new ArrayList<>(parties.values());
    }

    private static List<Integer> union(java.util.Set<Integer> a, java.util.Set<Integer> b) {
        java.util.TreeSet<Integer> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }
}
