package id.pemilu.recap.holdback;

import id.pemilu.recap.determination.Contender;
import id.pemilu.recap.determination.DapilInput;
import id.pemilu.recap.determination.PartyInput;
import id.pemilu.recap.determination.ProvinceVotes;
import id.pemilu.recap.determination.SainteLague;
import id.pemilu.recap.determination.SeatAllocation;
import id.pemilu.recap.determination.TieBreak;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds for "can the outstanding TPS still change the outcome?" (pure). {@code outstanding} is the most valid votes
 * the TPS not yet counted can still add (each TPS bounded by its voters, see README). Worst cases:
 * <ul>
 *   <li>a contender outside the winners can gain every outstanding vote; an insider can gain none;</li>
 *   <li>a share rule (more than 50 %, at least 20 %, at least 4 %) is certain only if it holds when every outstanding
 *       vote goes to the others, and certainly fails only if it fails when every outstanding vote goes to this one
 *       (a share {@code (v+x)/(V+x)} grows with x, so the two ends are the extremes);</li>
 *   <li>a Sainte-Laguë seat moves from party i to party j exactly when j's next quotient with all outstanding votes,
 *       {@code (v_j+B)/(2 s_j+1)}, reaches i's last winning quotient {@code v_i/(2 s_i-1)}; votes added to others only
 *       raise their quotients, so this single-party test is necessary and sufficient.</li>
 * </ul>
 * A tie counts as "can change" (the tie-break might then go the other way). With nothing outstanding nothing changes.
 */
public final class HoldBackRules {

    private HoldBackRules() {
    }

    /** The {@code winners} contenders with the most votes (1 = a plurality winner, 4 = DPD). */
    public static Verdict topN(List<Contender> contenders, int winners, long outstanding) {
        List<String> reasons = new ArrayList<>();
        if (outstanding <= 0 || contenders.size() <= winners) {
            return Verdict.of(reasons);
        }
        List<Contender> ranked = byVotes(contenders);
        Contender lastIn = ranked.get(winners - 1);
        for (Contender out : ranked.subList(winners, ranked.size())) {
            if (out.votes() + outstanding >= lastIn.votes()) {
                reasons.add(out.name() + " (" + out.votes() + ") masih dapat menyusul " + lastIn.name() + " ("
                        + lastIn.votes() + "): selisih " + (lastIn.votes() - out.votes()) + ", sisa paling banyak "
                        + outstanding + " suara.");
            }
        }
        return Verdict.of(reasons);
    }

    /** Whether anybody has more than {@code percent} % (Pilkada with a majority rule) can still change. */
    public static Verdict majority(List<Contender> contenders, int percent, long outstanding) {
        List<String> reasons = new ArrayList<>();
        long valid = contenders.stream().mapToLong(Contender::votes).sum();
        for (Contender c : contenders) {
            Tri share = share(c.votes(), valid, outstanding, percent);
            if (share == Tri.UNKNOWN) {
                reasons.add(c.name() + " (" + c.votes() + " dari " + valid + ") masih dapat "
                        + (c.votes() * 100 > (long) percent * valid ? "turun ke" : "melewati") + " batas " + percent
                        + "%.");
            }
        }
        if (reasons.isEmpty() && contenders.stream().noneMatch(c -> c.votes() * 100 > (long) percent * valid)) {
            // second round: who goes there can still change
            reasons.addAll(topN(contenders, 2, outstanding).reasons());
        }
        return Verdict.of(reasons);
    }

    /**
     * PPWP nationally: the winner (more than 50 % and at least 20 % in more than half of the provinces) or, without
     * one, the two pairs of the second round.
     *
     * @param provinces             counted votes of every province of the election (empty maps allowed)
     * @param outstandingByProvince outstanding votes per province code
     */
    public static Verdict presidential(List<Contender> pairs, List<ProvinceVotes> provinces,
                                       Map<String, Long> outstandingByProvince, int provinceCount) {
        long outstanding = outstandingByProvince.values().stream().mapToLong(Long::longValue).sum();
        List<String> reasons = new ArrayList<>();
        if (outstanding <= 0) {
            return Verdict.of(reasons);
        }
        long valid = pairs.stream().mapToLong(Contender::votes).sum();
        int needed = provinceCount / 2 + 1;
        boolean someoneCertain = false;
        boolean allOut = true;
        for (Contender p : pairs) {
            Tri majority = share(p.votes(), valid, outstanding, 50);
            int surely = 0;
            int possibly = 0;
            for (ProvinceVotes province : provinces) {
                long v = province.votes().getOrDefault(p.id(), 0L);
                long b = outstandingByProvince.getOrDefault(province.code(), 0L);
                Tri at20 = atLeast(v, province.valid(), b, 20);
                if (at20 == Tri.TRUE) {
                    surely++;
                }
                if (at20 != Tri.FALSE) {
                    possibly++;
                }
            }
            Tri spread = surely >= needed ? Tri.TRUE : possibly < needed ? Tri.FALSE : Tri.UNKNOWN;
            Tri wins = majority == Tri.FALSE || spread == Tri.FALSE ? Tri.FALSE
                    : majority == Tri.TRUE && spread == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
            if (wins == Tri.TRUE) {
                someoneCertain = true;
            }
            if (wins != Tri.FALSE) {
                allOut = false;
            }
            if (wins == Tri.UNKNOWN) {
                if (majority == Tri.UNKNOWN) {
                    reasons.add(p.name() + ": lebih dari 50% suara sah belum pasti (" + p.votes() + " dari " + valid
                            + ", sisa paling banyak " + outstanding + ").");
                }
                if (spread == Tri.UNKNOWN) {
                    reasons.add(p.name() + ": sedikitnya 20% di " + needed + " provinsi belum pasti (pasti di "
                            + surely + ", mungkin di " + possibly + ").");
                }
            }
        }
        if (someoneCertain) {
            return Verdict.of(List.of());
        }
        if (allOut) {
            return topN(pairs, 2, outstanding);
        }
        return Verdict.of(reasons);
    }

    /** PPWP in one province: the leader, and each pair's 20 % there. */
    public static Verdict presidentialProvince(ProvinceVotes province, List<Contender> pairs, long outstanding) {
        List<String> reasons = new ArrayList<>(topN(pairs, 1, outstanding).reasons());
        for (Contender p : pairs) {
            if (outstanding > 0 && atLeast(p.votes(), province.valid(), outstanding, 20) == Tri.UNKNOWN) {
                reasons.add(p.name() + ": sedikitnya 20% di provinsi ini belum pasti.");
            }
        }
        return Verdict.of(reasons);
    }

    /**
     * Which parties' place above or under the parliamentary threshold can still change (DPR, national outstanding
     * votes).
     */
    public static List<Contender> thresholdOpen(List<Contender> nationalParties, int percent, long outstanding) {
        long valid = nationalParties.stream().mapToLong(Contender::votes).sum();
        List<Contender> open = new ArrayList<>();
        if (outstanding <= 0) {
            return open;
        }
        for (Contender p : nationalParties) {
            if (atLeast(p.votes(), valid, outstanding, percent) == Tri.UNKNOWN) {
                open.add(p);
            }
        }
        return open;
    }

    /**
     * Can a seat of this dapil (or an elected candidate) still change? {@code dapil} holds the parties that take part
     * now (past the threshold); {@code thresholdOpen} parties whose threshold result is not yet certain (decided by
     * the national outstanding votes, so they count even when nothing is outstanding in this dapil), with their dapil
     * votes (empty for DPRD).
     */
    public static Verdict seats(DapilInput dapil, long outstanding, List<PartyInput> thresholdOpen,
                                TieBreak tieBreak) {
        List<String> reasons = new ArrayList<>();
        SeatAllocation now = SainteLague.allocate(dapil.code(), dapil.name(), dapil.seats(), dapil.parties(),
                tieBreak);
        Map<String, Integer> won = new HashMap<>();
        now.parties().forEach(p -> won.put(p.partyId(), p.seats()));
        if (outstanding > 0 && now.seatOrder().isEmpty() && dapil.seats() > 0) {
            reasons.add("Belum ada kursi yang terbagi; " + outstanding + " suara masih dapat masuk.");
            return Verdict.of(reasons);
        }
        for (PartyInput j : outstanding > 0 ? dapil.parties() : List.<PartyInput>of()) {
            int sj = won.get(j.party().id());
            long vj = j.party().votes() + outstanding;
            for (PartyInput i : dapil.parties()) {
                int si = won.get(i.party().id());
                if (i == j || si == 0) {
                    continue;
                }
                // (v_j + B) / (2 s_j + 1) >= v_i / (2 s_i - 1)
                if (vj * (2L * si - 1) >= i.party().votes() * (2L * sj + 1)) {
                    reasons.add(j.party().name() + " masih dapat merebut kursi dari " + i.party().name()
                            + ": bilangan pembagi berikutnya (" + j.party().votes() + " + " + outstanding + ") ÷ "
                            + (2 * sj + 1) + " dapat mencapai " + i.party().votes() + " ÷ " + (2 * si - 1) + ".");
                    break;
                }
            }
            List<Contender> ranked = byVotes(j.candidates());
            if (sj > 0 && ranked.size() > sj
                    && ranked.get(sj).votes() + outstanding >= ranked.get(sj - 1).votes()) {
                reasons.add("Calon terpilih " + j.party().name() + " dapat berubah: " + ranked.get(sj).name() + " ("
                        + ranked.get(sj).votes() + ") masih dapat menyusul " + ranked.get(sj - 1).name() + " ("
                        + ranked.get(sj - 1).votes() + ").");
            }
        }
        for (PartyInput open : thresholdOpen) {
            boolean inNow = won.containsKey(open.party().id());
            if (inNow && won.get(open.party().id()) > 0) {
                reasons.add(open.party().name() + " belum pasti lolos ambang batas; kursinya di dapil ini dapat hilang.");
            } else if (!inNow) {
                List<PartyInput> with = new ArrayList<>(dapil.parties());
                with.add(new PartyInput(new Contender(open.party().id(), open.party().name(),
                        open.party().votes() + outstanding, open.party().spread(), false), open.candidates()));
                SeatAllocation a = SainteLague.allocate(dapil.code(), dapil.name(), dapil.seats(), with, tieBreak);
                if (a.parties().stream().anyMatch(p -> p.partyId().equals(open.party().id()) && p.seats() > 0)) {
                    reasons.add(open.party().name() + " masih dapat lolos ambang batas dan memperoleh kursi di dapil ini.");
                }
            }
        }
        return Verdict.of(reasons);
    }

    enum Tri { TRUE, FALSE, UNKNOWN }

    /** Share of {@code v} in {@code valid} at least {@code percent} %, given up to {@code b} more votes. */
    static Tri atLeast(long v, long valid, long b, int percent) {
        boolean worst = valid > 0 && v * 100 >= (long) percent * (valid + b);
        boolean best = valid + b > 0 && (v + b) * 100 >= (long) percent * (valid + b);
        return worst ? Tri.TRUE : best ? Tri.UNKNOWN : Tri.FALSE;
    }

    /** Share more than {@code percent} %, given up to {@code b} more votes. */
    static Tri share(long v, long valid, long b, int percent) {
        boolean worst = valid > 0 && v * 100 > (long) percent * (valid + b);
        boolean best = valid + b > 0 && (v + b) * 100 > (long) percent * (valid + b);
        return worst ? Tri.TRUE : best ? Tri.UNKNOWN : Tri.FALSE;
    }

    private static List<Contender> byVotes(List<Contender> contenders) {
        List<Contender> ranked = new ArrayList<>(contenders);
        ranked.sort(Comparator.comparingLong(Contender::votes).reversed());
        return ranked;
    }
}
