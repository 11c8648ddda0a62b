package id.pemilu.recap.determination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SainteLagueTest {

    static final TieBreak LOT = new TieBreak("benih-uji");

    static PartyInput party(String id, long votes) {
        return new PartyInput(Contender.of(id, "Partai " + id, votes), List.of());
    }

    static Map<String, Integer> seats(SeatAllocation a) {
        return a.parties().stream().collect(Collectors.toMap(SeatAllocation.PartySeats::partyId,
                SeatAllocation.PartySeats::seats));
    }

    static List<String> ties(SeatAllocation a) {
        return a.notes().stream().filter(n -> n.startsWith("Seri")).toList();
    }

    @Test
    void textbookExampleEightSeats() {
        // 100,000 / 80,000 / 30,000 / 20,000 votes, 8 seats: the usual textbook illustration of Sainte-Laguë
        SeatAllocation a = SainteLague.allocate("D1", "Dapil 1", 8,
                List.of(party("A", 100_000), party("B", 80_000), party("C", 30_000), party("D", 20_000)), LOT);
        assertThat(seats(a)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 3, "B", 3, "C", 1, "D", 1));
        assertThat(a.seatOrder()).extracting(SeatAllocation.Seat::partyId)
                .containsExactly("A", "B", "A", "C", "B", "A", "D", "B");
        // the quotient table shows every divisor 1..15 and marks the quotients that won a seat
        SeatAllocation.QuotientRow rowA = a.quotients().get(0);
        assertThat(rowA.quotients()).extracting(SeatAllocation.Quotient::divisor)
                .containsExactly(1, 3, 5, 7, 9, 11, 13, 15);
        assertThat(rowA.quotients().get(1).value()).isEqualTo("33333.33");
        assertThat(rowA.quotients()).extracting(SeatAllocation.Quotient::seat)
                .containsExactly(1, 3, 6, null, null, null, null, null);
        // the equal quotients 20,000 (A ÷ 5 and D ÷ 1) both fit in the seats left: no tie note
        assertThat(ties(a)).isEmpty();
    }

    @Test
    void differsFromDHondtForSmallParties() {
        // D'Hondt (1, 2, 3) would give A all 3 seats (6000, 3000, 2000); Sainte-Laguë gives A 6000 and 2000, then
        // B 1900 beats A's 1200 (6000 ÷ 5)
        SeatAllocation a = SainteLague.allocate("D1", "Dapil 1", 3,
                List.of(party("A", 6000), party("B", 1900), party("C", 1000)), LOT);
        assertThat(seats(a)).containsExactlyInAnyOrderEntriesOf(Map.of("A", 2, "B", 1, "C", 0));
    }

    @Test
    void seatTotalEqualsSeatsAndIsMonotonicInVotes() {
        Random random = new Random(20261205);
        for (int round = 0; round < 300; round++) {
            int seats = 3 + random.nextInt(10);
            int n = 2 + random.nextInt(8);
            List<PartyInput> parties = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                parties.add(party("P" + i, 1 + random.nextInt(50_000)));
            }
            SeatAllocation a = SainteLague.allocate("D" + round, "Dapil", seats, parties, LOT);
            assertThat(a.parties().stream().mapToInt(SeatAllocation.PartySeats::seats).sum()).isEqualTo(seats);
            assertThat(a.seatOrder()).hasSize(seats);

            int lucky = random.nextInt(n);
            List<PartyInput> more = new ArrayList<>(parties);
            Contender before = parties.get(lucky).party();
            more.set(lucky, party(before.id(), before.votes() + 1 + random.nextInt(20_000)));
            SeatAllocation b = SainteLague.allocate("D" + round, "Dapil", seats, more, LOT);
            assertThat(seats(b).get(before.id())).as("more votes never cost a seat (round %d)", round)
                    .isGreaterThanOrEqualTo(seats(a).get(before.id()));
        }
    }

    @Test
    void partiesWithoutVotesGetNothingAndSeatsStayOpenWithoutAnyVotes() {
        SeatAllocation none = SainteLague.allocate("D1", "Dapil 1", 3, List.of(party("A", 0), party("B", 0)), LOT);
        assertThat(none.seatOrder()).isEmpty();
        assertThat(none.notes()).singleElement().asString().contains("tidak terbagi");
        SeatAllocation one = SainteLague.allocate("D1", "Dapil 1", 3, List.of(party("A", 10), party("B", 0)), LOT);
        assertThat(seats(one)).containsEntry("A", 3).containsEntry("B", 0);
    }

    @Test
    void tieForTheLastSeatGoesToTheWiderSpread() {
        // A 6000 gets seats 1 and 2 (6000, 2000); B and C tie at 1500 for seat 3
        PartyInput b = new PartyInput(new Contender("B", "Partai B", 1500, 3, false), List.of());
        PartyInput c = new PartyInput(new Contender("C", "Partai C", 1500, 5, false), List.of());
        SeatAllocation a = SainteLague.allocate("D1", "Dapil 1", 3, List.of(party("A", 6000), b, c), LOT);
        assertThat(seats(a)).containsEntry("C", 1).containsEntry("B", 0);
        assertThat(ties(a)).singleElement().asString().contains("Partai C didahulukan").contains("persebaran");
    }

    @Test
    void tieWithEqualSpreadIsDrawnByLotFromThePublishedSeed() {
        PartyInput b = new PartyInput(new Contender("B", "Partai B", 1500, 4, false), List.of());
        PartyInput c = new PartyInput(new Contender("C", "Partai C", 1500, 4, false), List.of());
        SeatAllocation a = SainteLague.allocate("D1", "Dapil 1", 3, List.of(party("A", 6000), b, c), LOT);
        String expected = LOT.lot("D1", "B").compareTo(LOT.lot("D1", "C")) < 0 ? "B" : "C";
        assertThat(a.seatOrder().get(2).partyId()).isEqualTo(expected);
        assertThat(ties(a)).singleElement().asString().contains("undian").contains("benih-uji");
        // the same seed always gives the same draw; the order of the input does not matter
        SeatAllocation again = SainteLague.allocate("D1", "Dapil 1", 3, List.of(c, b, party("A", 6000)), LOT);
        assertThat(again.seatOrder().get(2).partyId()).isEqualTo(expected);
    }

    @Test
    void seatsGoToTheCandidatesWithTheMostVotesTiesBySpreadThenWomenThenLot() {
        List<Contender> candidates = List.of(
                new Contender("1.1", "Andi", 300, 4, false),
                new Contender("1.2", "Budi", 900, 2, false),
                new Contender("1.3", "Citra", 300, 6, true),
                new Contender("1.4", "Dewi", 100, 9, true));
        PartyInput p = new PartyInput(Contender.of("1", "Partai Satu", 5000), candidates);
        List<String> notes = new ArrayList<>();
        var elected = SainteLague.candidates("D1", p, 2, LOT, notes);
        assertThat(elected).extracting(SeatAllocation.ElectedCandidate::candidateName).containsExactly("Budi", "Citra");
        assertThat(notes).singleElement().asString().contains("Citra didahulukan").contains("persebaran");

        List<Contender> sameSpread = List.of(new Contender("1.1", "Andi", 300, 4, false),
                new Contender("1.3", "Citra", 300, 4, true));
        notes.clear();
        var women = SainteLague.candidates("D1", new PartyInput(Contender.of("1", "Partai Satu", 600), sameSpread),
                1, LOT, notes);
        assertThat(women).extracting(SeatAllocation.ElectedCandidate::candidateName).containsExactly("Citra");
        assertThat(notes).singleElement().asString().contains("keterwakilan perempuan");
    }

    @Test
    void moreSeatsThanCandidatesLeavesSeatsUnfilledAndSaysSo() {
        PartyInput p = new PartyInput(Contender.of("1", "Partai Satu", 5000),
                List.of(new Contender("1.1", "Andi", 10, 1, false)));
        SeatAllocation a = SainteLague.allocate("D1", "Dapil 1", 3, List.of(p), LOT);
        assertThat(a.elected()).hasSize(1);
        assertThat(a.notes()).anyMatch(n -> n.contains("2 kursi belum dapat diisi"));
    }
}
