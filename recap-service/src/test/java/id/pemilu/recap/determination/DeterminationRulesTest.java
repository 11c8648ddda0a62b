package id.pemilu.recap.determination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminationRulesTest {

    final DeterminationRules rules = new DeterminationRules(new TieBreak("benih-uji"));

    static List<Contender> pairs(long... votes) {
        List<Contender> out = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            out.add(Contender.of(String.valueOf(i + 1), "Paslon " + (i + 1), votes[i]));
        }
        return out;
    }

    /** Four provinces with the given votes of pairs 1, 2, 3 in each. */
    static List<ProvinceVotes> provinces(long[]... rows) {
        List<ProvinceVotes> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(new ProvinceVotes("P" + i, "Provinsi " + i, Map.of("1", rows[i][0], "2", rows[i][1],
                    "3", rows[i][2])));
        }
        return out;
    }

    static List<Contender> national(List<ProvinceVotes> provinces) {
        long[] sum = new long[3];
        provinces.forEach(p -> {
            for (int i = 0; i < 3; i++) {
                sum[i] += p.votes().get(String.valueOf(i + 1));
            }
        });
        return pairs(sum);
    }

    @Test
    void ppwpMajorityAndTwentyPercentInMoreThanHalfTheProvincesWinsInOneRound() {
        // pair 1: 51 % nationally, >= 20 % in 3 of 4 provinces (more than half)
        var provinces = provinces(new long[] {60, 30, 10}, new long[] {60, 30, 10}, new long[] {20, 70, 10},
                new long[] {64, 26, 10});
        Determination d = rules.presidential("Indonesia", national(provinces), provinces, 4);
        assertThat(d.status()).isEqualTo(Determination.ELECTED);
        assertThat(d.elected()).singleElement().extracting(Determination.Elected::id).isEqualTo("1");
        assertThat(d.standings().get(0).provincesAtLeast20()).isEqualTo(4);
    }

    @Test
    void ppwpExactlyHalfTheVotesIsNotAMajority() {
        var provinces = provinces(new long[] {50, 30, 20}, new long[] {50, 30, 20}, new long[] {50, 30, 20},
                new long[] {50, 30, 20});
        Determination d = rules.presidential("Indonesia", national(provinces), provinces, 4);
        assertThat(d.status()).isEqualTo(Determination.SECOND_ROUND);
        assertThat(d.secondRound()).containsExactly("1", "2");
    }

    @Test
    void ppwpMajorityWithoutTheSpreadGoesToASecondRound() {
        // pair 1 has 55 % nationally but reaches 20 % in only 2 of 4 provinces (half is not more than half)
        var provinces = provinces(new long[] {900, 50, 50}, new long[] {900, 50, 50}, new long[] {19, 41, 40},
                new long[] {19, 41, 40});
        Determination d = rules.presidential("Indonesia", national(provinces), provinces, 4);
        assertThat(d.standings().get(0).votes() * 2).isGreaterThan(2200);
        assertThat(d.standings().get(0).provincesAtLeast20()).isEqualTo(2);
        assertThat(d.status()).isEqualTo(Determination.SECOND_ROUND);
        assertThat(d.secondRound()).containsExactly("1", "2");
    }

    @Test
    void ppwpTwentyPercentIsReachedAtExactlyTwentyPercent() {
        // third province: pair 1 has exactly 20 of 100 -> counts; 19 of 100 would not
        var exact = provinces(new long[] {90, 5, 5}, new long[] {90, 5, 5}, new long[] {20, 40, 40},
                new long[] {10, 45, 45});
        assertThat(rules.presidential("Indonesia", national(exact), exact, 4).status())
                .isEqualTo(Determination.ELECTED);
        var below = provinces(new long[] {90, 5, 5}, new long[] {90, 5, 5}, new long[] {19, 41, 40},
                new long[] {10, 45, 45});
        assertThat(rules.presidential("Indonesia", national(below), below, 4).status())
                .isEqualTo(Determination.SECOND_ROUND);
    }

    @Test
    void ppwpTieForSecondPlaceGoesToTheWiderSpread() {
        // pairs 2 and 3 both have 300 votes; pair 3 reaches 20 % in more provinces
        var provinces = provinces(new long[] {100, 10, 90}, new long[] {100, 10, 90}, new long[] {100, 140, 60},
                new long[] {100, 140, 60});
        Determination d = rules.presidential("Indonesia", national(provinces), provinces, 4);
        assertThat(d.status()).isEqualTo(Determination.SECOND_ROUND);
        assertThat(d.secondRound()).containsExactly("1", "3");
        assertThat(d.steps()).anyMatch(s -> s.startsWith("Seri peringkat kedua"));
    }

    @Test
    void ppwpWithoutVotesDeterminesNothing() {
        assertThat(rules.presidential("Indonesia", pairs(0, 0, 0), List.of(), 38).status())
                .isEqualTo(Determination.NO_VOTES);
    }

    static DapilInput dapil(String code, int seats, long... partyVotes) {
        List<PartyInput> parties = new ArrayList<>();
        for (int i = 0; i < partyVotes.length; i++) {
            String id = String.valueOf(i + 1);
            List<Contender> candidates = new ArrayList<>();
            for (int k = 1; k <= 8; k++) {
                candidates.add(new Contender(id + "." + k, "Calon " + id + "." + k, partyVotes[i] / (k + 2), 1,
                        k % 2 == 0));
            }
            parties.add(new PartyInput(Contender.of(id, "Partai " + id, partyVotes[i]), candidates));
        }
        return new DapilInput(code, "Dapil " + code, seats, parties);
    }

    @Test
    void dprThresholdBoundaryExactlyFourPercentPasses() {
        // national valid 10,000: party 3 has exactly 400 (4 %) and passes; party 4 has 399 and gets no seat
        DapilInput d = dapil("DPR-1", 6, 5000, 4201, 400, 399);
        List<Contender> national = d.parties().stream().map(PartyInput::party).toList();
        Determination result = rules.legislative("DPR", "ID", "Indonesia", List.of(d), 4, national);
        assertThat(result.threshold().nationalValidVotes()).isEqualTo(10_000);
        assertThat(result.threshold().parties()).extracting(Determination.ThresholdRow::passes)
                .containsExactly(true, true, true, false);
        SeatAllocation a = result.dapils().get(0);
        assertThat(a.quotients()).extracting(SeatAllocation.QuotientRow::partyId).containsExactly("1", "2", "3");
        assertThat(a.parties().stream().mapToInt(SeatAllocation.PartySeats::seats).sum()).isEqualTo(6);
        assertThat(result.elected()).hasSize(6);
        assertThat(result.steps()).anyMatch(s -> s.contains("Partai 4") && s.contains("tidak lolos"));
    }

    @Test
    void dprdHasNoThresholdSoASmallPartyCanWinASeat() {
        // 399 of 10,000 (under 4 %) still wins a seat in a DPRD dapil: quotients 5000, 4201, 1666.67, 1400.33, 1000,
        // 840.2, 714.29, 600.14, 555.56, 466.78, 454.55, then 400 (party 3, seat 12) and 399 (party 4, seat 13)
        DapilInput d = dapil("DPRD-1", 13, 5000, 4201, 400, 399);
        Determination result = rules.legislative("DPRD_PROVINSI", "31", "DKI", List.of(d), null, List.of());
        assertThat(result.threshold()).isNull();
        assertThat(result.dapils().get(0).parties()).extracting(SeatAllocation.PartySeats::seats)
                .containsExactly(6, 5, 1, 1);
        // within each party the candidate with the most votes is elected first
        assertThat(result.elected()).filteredOn(e -> e.partyId().equals("3"))
                .extracting(Determination.Elected::id).containsExactly("3.1");
    }

    @Test
    void dpdElectsTheFourWithTheMostVotesTieAtFourthBySpread() {
        List<Contender> candidates = List.of(
                new Contender("1", "Calon 1", 900, 3, false), new Contender("2", "Calon 2", 800, 3, false),
                new Contender("3", "Calon 3", 700, 3, false), new Contender("4", "Calon 4", 500, 2, false),
                new Contender("5", "Calon 5", 500, 5, false), new Contender("6", "Calon 6", 100, 1, false));
        Determination d = rules.dpd("31", "DKI Jakarta", candidates);
        assertThat(d.elected()).extracting(Determination.Elected::id).containsExactly("1", "2", "3", "5");
        assertThat(d.steps()).anyMatch(s -> s.contains("Calon 5 didahulukan"));
    }

    @Test
    void pilkadaPluralityOrConfiguredMajority() {
        List<Contender> pairs = pairs(450, 350, 200);
        Determination plurality = rules.pilkada("PILKADA_BUPATI", "31.71", "Jakarta Pusat", pairs, null);
        assertThat(plurality.status()).isEqualTo(Determination.ELECTED);
        assertThat(plurality.elected()).singleElement().extracting(Determination.Elected::id).isEqualTo("1");

        Determination majority = rules.pilkada("PILKADA_GUBERNUR", "31", "DKI Jakarta", pairs, 50);
        assertThat(majority.status()).isEqualTo(Determination.SECOND_ROUND);
        assertThat(majority.secondRound()).containsExactly("1", "2");
        // exactly 50 % is not "more than 50 %"; one vote more is
        assertThat(rules.pilkada("PILKADA_GUBERNUR", "31", "DKI", pairs(500, 300, 200), 50).status())
                .isEqualTo(Determination.SECOND_ROUND);
        assertThat(rules.pilkada("PILKADA_GUBERNUR", "31", "DKI", pairs(501, 300, 199), 50).status())
                .isEqualTo(Determination.ELECTED);
    }

    @Test
    void pilkadaTieForFirstIsBrokenAndExplained() {
        List<Contender> pairs = List.of(new Contender("1", "Paslon 1", 400, 2, false),
                new Contender("2", "Paslon 2", 400, 7, false), Contender.of("3", "Paslon 3", 200));
        Determination d = rules.pilkada("PILKADA_BUPATI", "31.71", "Jakarta Pusat", pairs, null);
        assertThat(d.elected()).singleElement().extracting(Determination.Elected::id).isEqualTo("2");
        assertThat(d.steps()).anyMatch(s -> s.contains("Paslon 2 didahulukan") && s.contains("persebaran"));
    }
}
