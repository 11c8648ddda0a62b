package id.pemilu.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickChecksTest {

    static List<String> codes(QuickNumbers n, int dpt) {
        return QuickChecks.check(n, dpt, 600, 2).stream().map(Flag::code).toList();
    }

    static QuickNumbers numbers(Integer valid, Integer invalid, Integer total, Integer... candidates) {
        return new QuickNumbers(Arrays.asList(candidates), valid, invalid, total);
    }

    @Test
    void consistentNumbersPassEveryCheck() {
        assertThat(codes(numbers(200, 5, 205, 100, 60, 40), 250)).isEmpty();
    }

    @Test
    void pairsThatDoNotAddUpToTheValidVotesAreFlagged() {
        List<Flag> flags = QuickChecks.check(numbers(200, 5, 205, 100, 60, 41), 250, 600, 2);
        assertThat(flags).extracting(Flag::code).containsExactly(QuickChecks.VOTES_SUM);
        assertThat(flags.get(0).message()).contains("201").contains("200");
    }

    @Test
    void validPlusInvalidMustBeTheTotal() {
        assertThat(codes(numbers(200, 5, 210, 100, 60, 40), 250)).containsExactly(QuickChecks.VALID_PLUS_INVALID);
    }

    @Test
    void aTypoBeyondThePilkadaLimitOrTheBallotsOfTheTpsIsOutOfRange() {
        // "105 -> 905": over 600 voters per TPS, and the sums break too
        assertThat(codes(numbers(200, 5, 205, 905, 60, 40), 250))
                .contains(QuickChecks.VOTES_SUM, QuickChecks.OUT_OF_RANGE);
        // a consistent report with more votes than the TPS's ballots (DPT 250 + 2 % = 255)
        List<Flag> flags = QuickChecks.check(numbers(300, 0, 300, 100, 100, 100), 250, 600, 2);
        assertThat(flags).extracting(Flag::code).containsExactly(QuickChecks.OUT_OF_RANGE);
        assertThat(flags.get(0).message()).contains("255");
        // unknown DPT: only the Pilkada limit applies
        assertThat(codes(numbers(300, 0, 300, 100, 100, 100), 0)).isEmpty();
        assertThat(codes(numbers(-1, 0, -1, 0, 0, -1), 250)).contains(QuickChecks.OUT_OF_RANGE);
    }

    @Test
    void missingNumbersAreFlaggedNotGuessed() {
        assertThat(codes(numbers(200, null, 205, 100, null, 40), 250)).containsExactly(QuickChecks.MISSING_FIELDS);
    }

    @Test
    void aReportWithoutPairsIsRefusedOutright() {
        assertThatThrownBy(() -> new QuickNumbers(List.of(), 1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersUseTheCHasilKeys() {
        assertThat(numbers(200, 5, 205, 100, 60, 40).byKey()).containsKeys("votes.candidate.1", "votes.candidate.3",
                "votes.valid", "votes.invalid", "votes.total");
    }
}
