package id.pemilu.recap.determination;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The penetapan rules (pure: no Spring, no storage). Each method takes counted votes and returns the outcome with its
 * calculation in Bahasa Indonesia.
 * <ul>
 *   <li>PPWP (UU 7/2017 Pasal 416): more than 50 % of valid votes and at least 20 % in more than half of the
 *       provinces; otherwise the two pairs with the most votes go to a second round.</li>
 *   <li>DPR (Pasal 414-415): parties under the parliamentary threshold (4 % of national valid votes) get no seats;
 *       Sainte-Laguë per dapil; candidates with the most votes.</li>
 *   <li>DPRD provinsi / kab/kota: Sainte-Laguë per dapil, no threshold.</li>
 *   <li>DPD: the four candidates with the most votes in the province.</li>
 *   <li>Pilkada: most votes wins; a region may require more than a given percent (then a second round).</li>
 * </ul>
 * Ties: {@link TieBreak}.
 */
public final class DeterminationRules {

    public static final int PPWP_SPREAD_PERCENT = 20;
    public static final int DPD_SEATS = 4;

    private final TieBreak tieBreak;

    public DeterminationRules(TieBreak tieBreak) {
        this.tieBreak = tieBreak;
    }

    public TieBreak tieBreak() {
        return tieBreak;
    }

    /**
     * @param pairs         national votes per pair
     * @param provinces     votes per pair in each province that has votes
     * @param provinceCount provinces of the election (the registry's provinces; 38 nationally)
     */
    public Determination presidential(String regionName, List<Contender> pairs, List<ProvinceVotes> provinces,
                                      int provinceCount) {
        long valid = sum(pairs);
        List<String> steps = new ArrayList<>();
        steps.add("Suara sah nasional: " + valid + ".");
        if (valid == 0) {
            return new Determination("PPWP", "ID", regionName, Determination.NO_VOTES,
                    "Belum ada suara sah yang dihitung.", steps, List.of(), null, List.of(), null, null,
                    tieBreak.seed());
        }
        int needed = provinceCount / 2 + 1;
        steps.add("Syarat menang satu putaran: lebih dari 50% suara sah nasional dan sedikitnya "
                + PPWP_SPREAD_PERCENT + "% suara di lebih dari separuh provinsi (" + needed + " dari " + provinceCount
                + " provinsi).");
        List<Contender> withSpread = new ArrayList<>();
        for (Contender p : pairs) {
            int count = (int) provinces.stream().filter(v -> v.atLeast20(p.id())).count();
            withSpread.add(new Contender(p.id(), p.name(), p.votes(), count, false));
        }
        List<Contender> ranked = rank(withSpread, "PPWP", false);
        List<Determination.Standing> standings = new ArrayList<>();
        Contender winner = null;
        for (int i = 0; i < ranked.size(); i++) {
            Contender p = ranked.get(i);
            boolean majority = p.votes() * 2 > valid;
            boolean spread = p.spread() >= needed;
            standings.add(new Determination.Standing(i + 1, p.id(), p.name(), p.votes(), percent(p.votes(), valid),
                    p.spread(), null));
            steps.add(p.name() + ": " + p.votes() + " suara (" + percent(p.votes(), valid) + "%), "
                    + (majority ? "lebih dari 50%" : "tidak lebih dari 50%") + "; sedikitnya 20% di " + p.spread()
                    + " provinsi" + (spread ? " (memenuhi)" : " (belum memenuhi " + needed + ")") + ".");
            if (majority && spread) {
                winner = p;
            }
        }
        if (winner != null) {
            return new Determination("PPWP", "ID", regionName, Determination.ELECTED,
                    winner.name() + " terpilih dalam satu putaran.", steps,
                    List.of(new Determination.Elected(null, null, null, winner.id(), winner.name(), winner.votes())),
                    null, standings, null, null, tieBreak.seed());
        }
        tieNote(ranked, 2, "PPWP", false, "peringkat kedua", steps);
        List<Contender> two = ranked.subList(0, Math.min(2, ranked.size()));
        steps.add("Tidak ada pasangan yang memenuhi kedua syarat: dua pasangan dengan suara terbanyak maju ke putaran "
                + "kedua.");
        return new Determination("PPWP", "ID", regionName, Determination.SECOND_ROUND,
                "Putaran kedua: " + two.stream().map(Contender::name).collect(Collectors.joining(" dan ")) + ".",
                steps, List.of(), two.stream().map(Contender::id).toList(), standings, null, null, tieBreak.seed());
    }

    /**
     * DPR (with {@code thresholdPercent}) or DPRD (null: no threshold).
     *
     * @param nationalParties national votes per party (DPR threshold; ignored without a threshold)
     */
    public Determination legislative(String ballotType, String regionCode, String regionName, List<DapilInput> dapils,
                                     Integer thresholdPercent, List<Contender> nationalParties) {
        List<String> steps = new ArrayList<>();
        Determination.Threshold threshold = null;
        Set<String> excluded = new HashSet<>();
        if (thresholdPercent != null) {
            long valid = sum(nationalParties);
            List<Determination.ThresholdRow> rows = new ArrayList<>();
            steps.add("Ambang batas parlemen: " + thresholdPercent + "% dari " + valid + " suara sah nasional = "
                    + percentOf(valid, thresholdPercent) + " suara.");
            for (Contender p : nationalParties) {
                boolean passes = valid > 0 && p.votes() * 100 >= (long) thresholdPercent * valid;
                rows.add(new Determination.ThresholdRow(p.id(), p.name(), p.votes(), percent(p.votes(), valid),
                        passes));
                steps.add(p.name() + ": " + p.votes() + " suara (" + percent(p.votes(), valid) + "%) - "
                        + (passes ? "lolos" : "tidak lolos, tidak ikut pembagian kursi") + ".");
                if (!passes) {
                    excluded.add(p.id());
                }
            }
            threshold = new Determination.Threshold(thresholdPercent, valid, rows);
        } else {
            steps.add("Tanpa ambang batas: semua partai ikut pembagian kursi.");
        }
        steps.add("Kursi tiap dapil dibagi dengan Sainte-Laguë (pembagi 1, 3, 5, 7, …); di dalam partai kursi jatuh "
                + "ke calon dengan suara terbanyak.");
        List<SeatAllocation> allocations = new ArrayList<>();
        List<Determination.Elected> elected = new ArrayList<>();
        long total = 0;
        for (DapilInput d : dapils) {
            List<PartyInput> eligible = d.parties().stream().filter(p -> !excluded.contains(p.party().id())).toList();
            total += d.parties().stream().mapToLong(p -> p.party().votes()).sum();
            if (d.seats() == 0) {
                steps.add("Dapil " + d.name() + ": jumlah kursi tidak diketahui (DCT tersimpan tanpa kursi); "
                        + "kirim ulang DCT dapil ini.");
            }
            SeatAllocation a = SainteLague.allocate(d.code(), d.name(), d.seats(), eligible, tieBreak);
            allocations.add(a);
            a.elected().forEach(e -> elected.add(new Determination.Elected(d.code(), e.partyId(), e.partyName(),
                    e.candidateId(), e.candidateName(), e.votes())));
        }
        boolean any = total > 0;
        int seats = dapils.stream().mapToInt(DapilInput::seats).sum();
        return new Determination(ballotType, regionCode, regionName, any ? Determination.ELECTED
                : Determination.NO_VOTES, any ? elected.size() + " dari " + seats + " kursi di " + dapils.size()
                + " dapil terisi." : "Belum ada suara sah yang dihitung.", steps, elected, null, null, threshold,
                allocations, tieBreak.seed());
    }

    /** DPD: the {@link #DPD_SEATS} candidates with the most votes in the province. */
    public Determination dpd(String provinceCode, String provinceName, List<Contender> candidates) {
        long valid = sum(candidates);
        List<String> steps = new ArrayList<>();
        steps.add("Suara sah DPD " + provinceName + ": " + valid + "; " + DPD_SEATS
                + " calon dengan suara terbanyak terpilih.");
        if (valid == 0) {
            return new Determination("DPD", provinceCode, provinceName, Determination.NO_VOTES,
                    "Belum ada suara sah yang dihitung.", steps, List.of(), null, List.of(), null, null,
                    tieBreak.seed());
        }
        List<Contender> ranked = rank(candidates, "DPD/" + provinceCode, false);
        tieNote(ranked, DPD_SEATS, "DPD/" + provinceCode, false, "peringkat ke-" + DPD_SEATS, steps);
        List<Determination.Elected> elected = ranked.stream().limit(DPD_SEATS)
                .map(c -> new Determination.Elected(null, null, null, c.id(), c.name(), c.votes())).toList();
        return new Determination("DPD", provinceCode, provinceName, Determination.ELECTED,
                elected.stream().map(Determination.Elected::name).collect(Collectors.joining(", ")) + " terpilih.",
                steps, elected, null, standings(ranked, valid), null, null, tieBreak.seed());
    }

    /**
     * Pilkada: most votes wins; with {@code majorityPercent} the winner needs more than that percent of valid votes,
     * otherwise the two pairs with the most votes go to a second round.
     */
    public Determination pilkada(String ballotType, String regionCode, String regionName, List<Contender> pairs,
                                 Integer majorityPercent) {
        long valid = sum(pairs);
        List<String> steps = new ArrayList<>();
        steps.add("Suara sah: " + valid + ". Aturan wilayah ini: " + (majorityPercent == null
                ? "suara terbanyak menang." : "menang bila lebih dari " + majorityPercent
                + "% suara sah; bila tidak, dua pasangan teratas maju ke putaran kedua."));
        if (valid == 0) {
            return new Determination(ballotType, regionCode, regionName, Determination.NO_VOTES,
                    "Belum ada suara sah yang dihitung.", steps, List.of(), null, List.of(), null, null,
                    tieBreak.seed());
        }
        String scope = ballotType + "/" + regionCode;
        List<Contender> ranked = rank(pairs, scope, false);
        Contender top = ranked.get(0);
        boolean wins = majorityPercent == null || top.votes() * 100 > (long) majorityPercent * valid;
        if (wins) {
            tieNote(ranked, 1, scope, false, "suara terbanyak", steps);
            steps.add(top.name() + ": " + top.votes() + " suara (" + percent(top.votes(), valid) + "%) - terpilih.");
            return new Determination(ballotType, regionCode, regionName, Determination.ELECTED,
                    top.name() + " terpilih.", steps,
                    List.of(new Determination.Elected(null, null, null, top.id(), top.name(), top.votes())), null,
                    standings(ranked, valid), null, null, tieBreak.seed());
        }
        tieNote(ranked, 2, scope, false, "peringkat kedua", steps);
        List<Contender> two = ranked.subList(0, Math.min(2, ranked.size()));
        steps.add(top.name() + ": " + percent(top.votes(), valid) + "%, tidak lebih dari " + majorityPercent
                + "%: putaran kedua.");
        return new Determination(ballotType, regionCode, regionName, Determination.SECOND_ROUND,
                "Putaran kedua: " + two.stream().map(Contender::name).collect(Collectors.joining(" dan ")) + ".",
                steps, List.of(), two.stream().map(Contender::id).toList(), standings(ranked, valid), null, null,
                tieBreak.seed());
    }

    /** Most votes first; equal votes by the tie-break rule. */
    List<Contender> rank(List<Contender> contenders, String scope, boolean candidates) {
        List<Contender> ranked = new ArrayList<>(contenders);
        ranked.sort(Comparator.comparingLong(Contender::votes).reversed()
                .thenComparing(tieBreak.order(scope, candidates)));
        return ranked;
    }

    /** Adds a note when the k-th and (k+1)-th place are tied (the tie decides who is in). */
    private void tieNote(List<Contender> ranked, int k, String scope, boolean candidates, String what,
                         List<String> steps) {
        if (ranked.size() > k && ranked.get(k - 1).votes() == ranked.get(k).votes()) {
            long votes = ranked.get(k - 1).votes();
            steps.add(tieBreak.explain(scope, ranked.stream().filter(c -> c.votes() == votes).toList(), candidates,
                    what));
        }
    }

    private static List<Determination.Standing> standings(List<Contender> ranked, long valid) {
        List<Determination.Standing> out = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Contender c = ranked.get(i);
            out.add(new Determination.Standing(i + 1, c.id(), c.name(), c.votes(), percent(c.votes(), valid), null,
                    c.spread()));
        }
        return out;
    }

    static long sum(List<Contender> contenders) {
        return contenders.stream().mapToLong(Contender::votes).sum();
    }

    /** votes as a percent of valid with two decimals ("0.00" when there are no valid votes). */
    static String percent(long votes, long valid) {
        if (valid == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(votes * 100).divide(BigDecimal.valueOf(valid), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static String percentOf(long valid, int percent) {
        return BigDecimal.valueOf(valid * percent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }

}
