package id.pemilu.recap.determination;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sainte-Laguë (UU 7/2017 Pasal 415): each party's votes are divided by 1, 3, 5, 7, …; the seats go one by one to the
 * largest quotients. Quotients are compared exactly (cross-multiplied), never as rounded decimals. Equal quotients
 * for the last seat(s) are ordered by {@link TieBreak} (spread, then the lot). Inside a party the seats go to the
 * candidates with the most votes (Pasal 422), ties again by {@link TieBreak} (spread, women, lot).
 */
public final class SainteLague {

    private SainteLague() {
    }

    public static SeatAllocation allocate(String dapilCode, String dapilName, int seats, List<PartyInput> parties,
                                          TieBreak tieBreak) {
        if (seats < 0) {
            throw new IllegalArgumentException("Jumlah kursi tidak boleh negatif: " + dapilCode);
        }
        List<String> notes = new ArrayList<>();
        Map<String, Integer> won = new LinkedHashMap<>();
        Map<String, PartyInput> byId = new HashMap<>();
        for (PartyInput p : parties) {
            if (byId.put(p.party().id(), p) != null) {
                throw new IllegalArgumentException("Partai ganda di dapil " + dapilCode + ": " + p.party().id());
            }
            won.put(p.party().id(), 0);
        }
        Map<String, Map<Integer, Integer>> seatOfDivisor = new HashMap<>();
        List<SeatAllocation.Seat> order = new ArrayList<>();
        Comparator<Contender> tieOrder = tieBreak.order(dapilCode, false);
        for (int seat = 1; seat <= seats; seat++) {
            List<Contender> best = new ArrayList<>();
            long bestVotes = 0;
            int bestDivisor = 1;
            for (PartyInput p : parties) {
                long votes = p.party().votes();
                int divisor = 2 * won.get(p.party().id()) + 1;
                if (votes == 0) {
                    continue;
                }
                long cmp = best.isEmpty() ? 1 : Long.compare(votes * bestDivisor, bestVotes * divisor);
                if (cmp > 0) {
                    best.clear();
                    bestVotes = votes;
                    bestDivisor = divisor;
                }
                if (cmp >= 0) {
                    best.add(p.party());
                }
            }
            if (best.isEmpty()) {
                notes.add("Kursi ke-" + seat + " sampai ke-" + seats + " tidak terbagi: tidak ada partai dengan suara.");
                break;
            }
            best.sort(tieOrder);
            int remaining = seats - seat + 1;
            if (best.size() > remaining) {
                notes.add(tieBreak.explain(dapilCode, best, false, "bilangan pembagi untuk kursi ke-" + seat));
            }
            Contender winner = best.get(0);
            int divisor = 2 * won.get(winner.id()) + 1;
            won.merge(winner.id(), 1, Integer::sum);
            seatOfDivisor.computeIfAbsent(winner.id(), k -> new HashMap<>()).put(divisor, seat);
            order.add(new SeatAllocation.Seat(seat, winner.id(), winner.name(), divisor,
                    quotient(winner.votes(), divisor)));
        }

        List<SeatAllocation.QuotientRow> table = new ArrayList<>();
        List<SeatAllocation.PartySeats> partySeats = new ArrayList<>();
        List<SeatAllocation.ElectedCandidate> elected = new ArrayList<>();
        for (PartyInput p : parties) {
            Contender party = p.party();
            List<SeatAllocation.Quotient> row = new ArrayList<>();
            for (int k = 0; k < Math.max(1, seats); k++) {
                int divisor = 2 * k + 1;
                row.add(new SeatAllocation.Quotient(divisor, quotient(party.votes(), divisor),
                        seatOfDivisor.getOrDefault(party.id(), Map.of()).get(divisor)));
            }
            table.add(new SeatAllocation.QuotientRow(party.id(), party.name(), party.votes(), row));
            int partyWon = won.get(party.id());
            partySeats.add(new SeatAllocation.PartySeats(party.id(), party.name(), party.votes(), partyWon));
            elected.addAll(candidates(dapilCode, p, partyWon, tieBreak, notes));
        }
        return new SeatAllocation(dapilCode, dapilName, seats, table, order, partySeats, elected, notes);
    }

    /** The {@code seatsWon} candidates of a party with the most votes (ties by the tie-break rule). */
    static List<SeatAllocation.ElectedCandidate> candidates(String dapilCode, PartyInput p, int seatsWon,
                                                            TieBreak tieBreak, List<String> notes) {
        if (seatsWon == 0) {
            return List.of();
        }
        String scope = dapilCode + "/" + p.party().id();
        Comparator<Contender> byVotes = Comparator.comparingLong(Contender::votes).reversed()
                .thenComparing(tieBreak.order(scope, true));
        List<Contender> ranked = new ArrayList<>(p.candidates());
        ranked.sort(byVotes);
        List<SeatAllocation.ElectedCandidate> out = new ArrayList<>();
        for (int i = 0; i < Math.min(seatsWon, ranked.size()); i++) {
            Contender c = ranked.get(i);
            out.add(new SeatAllocation.ElectedCandidate(p.party().id(), p.party().name(), c.id(), c.name(),
                    c.votes(), i + 1));
        }
        if (seatsWon < ranked.size()) {
            long last = ranked.get(seatsWon - 1).votes();
            List<Contender> tied = ranked.stream().filter(c -> c.votes() == last).toList();
            if (ranked.get(seatsWon).votes() == last) {
                notes.add(tieBreak.explain(scope, tied, true, "suara calon " + p.party().name() + " (" + last
                        + " suara)"));
            }
        }
        if (seatsWon > ranked.size()) {
            notes.add(p.party().name() + " memperoleh " + seatsWon + " kursi tetapi hanya punya " + ranked.size()
                    + " calon; " + (seatsWon - ranked.size()) + " kursi belum dapat diisi.");
        }
        return out;
    }

    /** votes ÷ divisor with two decimals, for display (the allocation itself compares exact fractions). */
    static String quotient(long votes, int divisor) {
        return BigDecimal.valueOf(votes).divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP).toPlainString();
    }
}
