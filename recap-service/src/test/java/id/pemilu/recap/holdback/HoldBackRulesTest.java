package id.pemilu.recap.holdback;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.recap.determination.Contender;
import id.pemilu.recap.determination.DapilInput;
import id.pemilu.recap.determination.PartyInput;
import id.pemilu.recap.determination.ProvinceVotes;
import id.pemilu.recap.determination.SainteLague;
import id.pemilu.recap.determination.SeatAllocation;
import id.pemilu.recap.determination.TieBreak;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoldBackRulesTest {

    static final TieBreak LOT = new TieBreak("benih-uji");

    static List<Contender> contenders(long... votes) {
        List<Contender> out = new ArrayList<>();
        for (int i = 0; i < votes.length; i++) {
            out.add(Contender.of(String.valueOf(i + 1), "Paslon " + (i + 1), votes[i]));
        }
        return out;
    }

    @Test
    void pluralityWinnerIsSettledOnlyWhenTheRunnerUpCannotReachTheLeader() {
        // leader 500, runner-up 400: 99 outstanding votes cannot close the gap of 100; 100 could make a tie
        assertThat(HoldBackRules.topN(contenders(500, 400, 100), 1, 99).canChange()).isFalse();
        Verdict open = HoldBackRules.topN(contenders(500, 400, 100), 1, 100);
        assertThat(open.canChange()).isTrue();
        assertThat(open.message()).isEqualTo("hasil belum dapat dipastikan");
        assertThat(open.reasons()).singleElement().asString().contains("Paslon 2").contains("selisih 100");
        // nothing outstanding: even a tie cannot change any more
        assertThat(HoldBackRules.topN(contenders(500, 500), 1, 0).message())
                .isEqualTo("TPS yang tersisa tidak dapat mengubah hasil");
    }

    @Test
    void dpdFourthPlaceAgainstTheFifth() {
        List<Contender> c = contenders(900, 800, 700, 300, 250, 10);
        assertThat(HoldBackRules.topN(c, 4, 49).canChange()).isFalse();
        assertThat(HoldBackRules.topN(c, 4, 50).reasons()).singleElement().asString().contains("Paslon 5");
    }

    @Test
    void majorityRuleWorstCaseForTheLeaderAndBestCaseForTheOthers() {
        // 600 of 1000: stays above 50 % as long as every outstanding vote going elsewhere keeps 600 > (1000+B)/2
        assertThat(HoldBackRules.majority(contenders(600, 400), 50, 199).canChange()).isFalse();
        assertThat(HoldBackRules.majority(contenders(600, 400), 50, 200).canChange()).isTrue();
        // 450 of 1000 (second round now): 101 more votes all for pair 1 give 551 of 1101 > 50 %
        assertThat(HoldBackRules.majority(contenders(450, 350, 200), 50, 99).canChange()).isFalse();
        assertThat(HoldBackRules.majority(contenders(450, 350, 200), 50, 101).canChange()).isTrue();
        // second round stays 1 and 2 unless pair 3 can still reach pair 2
        assertThat(HoldBackRules.majority(contenders(450, 350, 300), 50, 49).canChange()).isFalse();
        assertThat(HoldBackRules.majority(contenders(450, 350, 300), 50, 50).reasons())
                .anyMatch(r -> r.contains("Paslon 3"));
    }

    static ProvinceVotes province(String code, long a, long b) {
        return new ProvinceVotes(code, code, Map.of("1", a, "2", b));
    }

    @Test
    void presidentialSpreadRuleBoundsPerProvince() {
        // pair 1: 700 of 1000 nationally; >= 20 % for sure in P1 and P2, in P3 it has 18 of 100
        List<ProvinceVotes> provinces = List.of(province("P1", 400, 100), province("P2", 282, 118),
                province("P3", 18, 82));
        List<Contender> national = contenders(700, 300);
        // 3 provinces: more than half = 2, already certain -> the winner cannot change with 100 outstanding in P3
        assertThat(HoldBackRules.presidential(national, provinces, Map.of("P3", 100L), 3).canChange()).isFalse();
        // 4 provinces (P4 without any counted vote yet): pair 1 needs 3; P3 or P4 could still give it 20 %
        List<ProvinceVotes> four = new ArrayList<>(provinces);
        four.add(new ProvinceVotes("P4", "P4", Map.of()));
        Verdict open = HoldBackRules.presidential(national, four, Map.of("P3", 3L, "P4", 50L), 4);
        assertThat(open.canChange()).isTrue();
        assertThat(open.reasons()).anyMatch(r -> r.contains("20%"));
        // when no outstanding province can reach 20 % for pair 1 any more, the second round is certain
        Verdict settled = HoldBackRules.presidential(national, four, Map.of("P3", 2L), 4);
        assertThat(settled.canChange()).isFalse();
    }

    @Test
    void presidentialMajorityCanStillBeLost() {
        List<ProvinceVotes> provinces = List.of(province("P1", 260, 240), province("P2", 260, 240));
        List<Contender> national = contenders(520, 480);
        // 520 of 1000: 39 more votes for pair 2 leave 520 > 519.5; 40 more make 520 of 1040 = exactly 50 %
        assertThat(HoldBackRules.presidential(national, provinces, Map.of("P1", 39L), 2).canChange()).isFalse();
        assertThat(HoldBackRules.presidential(national, provinces, Map.of("P1", 40L), 2).reasons())
                .anyMatch(r -> r.contains("50%"));
    }

    @Test
    void presidentialInOneProvinceLeaderAndTwentyPercent() {
        ProvinceVotes p = province("P1", 700, 300);
        assertThat(HoldBackRules.presidentialProvince(p, contenders(700, 300), 100).canChange()).isFalse();
        assertThat(HoldBackRules.presidentialProvince(p, contenders(700, 300), 400).canChange()).isTrue();
        ProvinceVotes low = province("P1", 800, 195);
        assertThat(HoldBackRules.presidentialProvince(low, contenders(800, 195), 10).reasons())
                .singleElement().asString().contains("20%");
    }

    static PartyInput party(String id, long votes, long... candidateVotes) {
        List<Contender> candidates = new ArrayList<>();
        for (int i = 0; i < candidateVotes.length; i++) {
            candidates.add(Contender.of(id + "." + (i + 1), "Calon " + id + "." + (i + 1), candidateVotes[i]));
        }
        return new PartyInput(Contender.of(id, "Partai " + id, votes), candidates);
    }

    @Test
    void sainteLagueSeatWorstCase() {
        // A 6000 (seats 1, 2), B 1900 (seat 3), C 1000: C needs 900 more to reach B's 1900 ÷ 1
        DapilInput d = new DapilInput("D1", "Dapil 1", 3, List.of(party("A", 6000), party("B", 1900),
                party("C", 1000)));
        assertThat(HoldBackRules.seats(d, 899, List.of(), LOT).canChange()).isFalse();
        Verdict open = HoldBackRules.seats(d, 900, List.of(), LOT);
        assertThat(open.reasons()).singleElement().asString().contains("Partai C masih dapat merebut kursi dari Partai B");
    }

    @Test
    void electedCandidateInsideAPartyCanStillChange() {
        DapilInput d = new DapilInput("D1", "Dapil 1", 1, List.of(party("A", 1000, 500, 450), party("B", 100)));
        assertThat(HoldBackRules.seats(d, 49, List.of(), LOT).canChange()).isFalse();
        assertThat(HoldBackRules.seats(d, 50, List.of(), LOT).reasons())
                .anyMatch(r -> r.contains("Calon terpilih Partai A"));
    }

    @Test
    void thresholdThatIsNotYetCertainOpensTheDapil() {
        List<Contender> national = List.of(Contender.of("A", "Partai A", 9600), Contender.of("B", "Partai B", 400));
        assertThat(HoldBackRules.thresholdOpen(national, 4, 0)).isEmpty();
        assertThat(HoldBackRules.thresholdOpen(national, 4, 1)).extracting(Contender::id).containsExactly("B");
        DapilInput d = new DapilInput("D1", "Dapil 1", 3, List.of(party("A", 9600), party("B", 400)));
        // B holds no seat here (9600 ÷ 5 = 1920 > 400); it could only matter if it would win one
        assertThat(HoldBackRules.seats(d, 1, List.of(party("B", 400)), LOT).canChange()).isFalse();
        DapilInput small = new DapilInput("D2", "Dapil 2", 3, List.of(party("A", 900), party("B", 400)));
        assertThat(HoldBackRules.seats(small, 1, List.of(party("B", 400)), LOT).reasons())
                .anyMatch(r -> r.contains("ambang batas"));
        // nothing outstanding in this dapil, but the national threshold is still open: the dapil is not settled
        assertThat(HoldBackRules.seats(small, 0, List.of(party("B", 400)), LOT).reasons())
                .singleElement().asString().contains("ambang batas");
    }

    /** Settled means settled: no way of adding up to B votes changes any party's seats (brute force). */
    @Test
    void aSettledSeatVerdictSurvivesEveryDistributionOfTheOutstandingVotes() {
        Random random = new Random(7);
        int settledCases = 0;
        for (int round = 0; round < 400; round++) {
            long[] votes = {random.nextInt(60), random.nextInt(60), random.nextInt(60)};
            int seats = 1 + random.nextInt(4);
            int b = random.nextInt(9);
            DapilInput d = new DapilInput("D" + round, "Dapil", seats,
                    List.of(party("A", votes[0]), party("B", votes[1]), party("C", votes[2])));
            if (HoldBackRules.seats(d, b, List.of(), LOT).canChange()) {
                continue;
            }
            settledCases++;
            int[] base = seatsOf(d);
            for (int x = 0; x <= b; x++) {
                for (int y = 0; x + y <= b; y++) {
                    for (int z = 0; x + y + z <= b; z++) {
                        DapilInput more = new DapilInput(d.code(), "Dapil", seats, List.of(party("A", votes[0] + x),
                                party("B", votes[1] + y), party("C", votes[2] + z)));
                        assertThat(seatsOf(more)).as("round %d, +%d/%d/%d", round, x, y, z).containsExactly(base);
                    }
                }
            }
        }
        assertThat(settledCases).isGreaterThan(50);
    }

    static int[] seatsOf(DapilInput d) {
        SeatAllocation a = SainteLague.allocate(d.code(), d.name(), d.seats(), d.parties(), LOT);
        return a.parties().stream().mapToInt(SeatAllocation.PartySeats::seats).toArray();
    }
}
