package id.pemilu.recap.result;

import id.pemilu.recap.ballot.BallotStructure;
import id.pemilu.recap.registry.TpsCode;
import id.pemilu.common.ballot.BallotType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.recap.testdata.Forms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultChecksTest {

    static final BallotStructure PPWP = BallotStructure.candidates(3, "pasangan calon");
    static final TpsLimits LIMITS = new TpsLimits(250, 300, 2, 2);

    static Map<String, Integer> good() {
        return Forms.consistent(120, 130, 5, 100, 90, 40);
    }

    static List<String> codes(Map<String, Integer> values) {
        return ResultChecks.check(values, PPWP, LIMITS).stream().map(Flag::code).toList();
    }

    @Test
    void aConsistentFormPassesEveryCheck() {
        assertThat(ResultChecks.check(good(), PPWP, LIMITS)).isEmpty();
    }

    @Test
    void menPlusWomenMustEqualTotal() {
        Map<String, Integer> v = good();
        v.put("voted.dpt.men", v.get("voted.dpt.men") + 1);
        assertThat(codes(v)).contains(ResultChecks.GENDER_SUM);
    }

    @Test
    void votersWhoVotedMustAddUpAndNotExceedDpt() {
        Map<String, Integer> v = good();
        v.put("voted.all.total", v.get("voted.all.total") + 3);
        assertThat(codes(v)).contains(ResultChecks.VOTED_SUM);

        Map<String, Integer> over = Forms.consistent(10, 10, 0, 5, 5, 5);
        over.put("voted.dpt.men", 15);
        over.put("voted.dpt.women", 6);
        over.put("voted.dpt.total", 21);
        assertThat(ResultChecks.check(over, PPWP, new TpsLimits(20, 300, 2, 2)).stream().map(Flag::code))
                .contains(ResultChecks.VOTED_OVER_DPT);
    }

    @Test
    void candidateVotesMustSumToValidVotes() {
        Map<String, Integer> v = good();
        v.put("votes.candidate.2", 890); // the 2024 failure: 90 read as 890
        assertThat(codes(v)).contains(ResultChecks.VOTES_SUM, ResultChecks.OUT_OF_RANGE);
    }

    @Test
    void validPlusInvalidMustEqualTotalVotersAndBallotsUsed() {
        Map<String, Integer> v = good();
        v.put("votes.invalid", 7);
        assertThat(codes(v)).contains(ResultChecks.VALID_PLUS_INVALID);
        Map<String, Integer> w = good();
        w.put("votes.total", w.get("votes.total") + 1);
        assertThat(codes(w)).contains(ResultChecks.TOTAL_VS_VOTERS, ResultChecks.TOTAL_VS_BALLOTS_USED);
    }

    @Test
    void ballotsReceivedMustBalanceAndMatchDptPlusReserve() {
        Map<String, Integer> v = good();
        v.put("ballots.unused", v.get("ballots.unused") + 1);
        assertThat(codes(v)).contains(ResultChecks.BALLOTS_BALANCE).doesNotContain(ResultChecks.BALLOTS_RESERVE);
        Map<String, Integer> w = good();
        w.put("ballots.received", w.get("ballots.received") + 40);
        w.put("ballots.unused", w.get("ballots.unused") + 40);
        assertThat(codes(w)).containsExactly(ResultChecks.BALLOTS_RESERVE);
    }

    @Test
    void numbersMustStayWithinZeroAndTheTpsMaximum() {
        Map<String, Integer> v = good();
        v.put("votes.invalid", -1);
        assertThat(codes(v)).contains(ResultChecks.OUT_OF_RANGE);
        Map<String, Integer> big = Forms.consistent(200, 200, 0, 150, 150, 100);
        assertThat(ResultChecks.check(big, PPWP, new TpsLimits(400, 300, 2, 2)).stream().map(Flag::code))
                .contains(ResultChecks.OUT_OF_RANGE);
        assertThat(ResultChecks.check(big, PPWP, new TpsLimits(400, 600, 2, 2))).isEmpty();
    }

    @Test
    void missingFieldsAndADifferentDptAreFlagged() {
        Map<String, Integer> v = good();
        v.remove("votes.candidate.3");
        assertThat(codes(v)).containsExactly(ResultChecks.MISSING_FIELDS);
        assertThat(ResultChecks.check(good(), PPWP, new TpsLimits(260, 300, 2, 2)).stream().map(Flag::code))
                .containsExactly(ResultChecks.DPT_MISMATCH);
    }

    @Test
    void valueObjectsRefuseBadInput() {
        assertThatThrownBy(() -> new TpsCode("31.71.01.1001.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Kode TPS tidak sah");
        assertThatThrownBy(() -> BallotType.parse("CAPRES")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldValue("votes.$valid", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TpsCode("31.71.01.1001.002").desaCode()).isEqualTo("31.71.01.1001");
        assertThat(BallotType.parse("pilkada-gubernur")).isEqualTo(BallotType.PILKADA_GUBERNUR);
    }
}
