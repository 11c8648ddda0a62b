package id.pemilu.recap.recap;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.recap.result.FieldValue;
import id.pemilu.recap.result.ResultStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    static List<FieldValue> votes(int a, int b) {
        return List.of(new FieldValue("votes.candidate.1", a), new FieldValue("votes.candidate.2", b),
                new FieldValue("votes.valid", a + b));
    }

    @Test
    void countedAndFlaggedAreSummedApartAndDraftsIgnored() {
        Tally tally = new Tally();
        tally.addResult(ResultStatus.SUBMITTED, votes(10, 20));
        tally.addResult(ResultStatus.VERIFIED, votes(1, 2));
        tally.addResult(ResultStatus.FLAGGED, votes(900, 5));
        tally.addResult(ResultStatus.DRAFT, votes(7000, 7000));
        assertThat(tally.counted()).containsExactly(new Total("votes.candidate.1", 11),
                new Total("votes.candidate.2", 22), new Total("votes.valid", 33));
        assertThat(tally.flagged()).contains(new Total("votes.candidate.1", 900));
        assertThat(tally.countedTps()).isEqualTo(2);
        assertThat(tally.flaggedTps()).isEqualTo(1);
    }

    @Test
    void aDesaTakesEachResultVersionOnlyOnce() {
        RegionTotal desa = RegionTotal.empty("PPWP", "31.71.01.1001");
        assertThat(desa.offer(Entry.of("31.71.01.1001.001", 1, ResultStatus.SUBMITTED, votes(10, 20)))).isTrue();
        assertThat(desa.offer(Entry.of("31.71.01.1001.001", 1, ResultStatus.SUBMITTED, votes(10, 20)))).isFalse();
        assertThat(desa.offer(Entry.of("31.71.01.1001.002", 1, ResultStatus.SUBMITTED, votes(1, 1)))).isTrue();
        desa.take(desa.tallyEntries(), false);
        assertThat(desa.getCounted()).contains(new Total("votes.valid", 32));
        // a newer version replaces the TPS's contribution; an older one arriving late is ignored
        assertThat(desa.offer(Entry.of("31.71.01.1001.001", 3, ResultStatus.FLAGGED, votes(10, 25)))).isTrue();
        assertThat(desa.offer(Entry.of("31.71.01.1001.001", 2, ResultStatus.SUBMITTED, votes(0, 0)))).isFalse();
        desa.take(desa.tallyEntries(), false);
        assertThat(desa.getCounted()).contains(new Total("votes.valid", 2));
        assertThat(desa.getFlagged()).contains(new Total("votes.valid", 35));
        assertThat(desa.differenceFrom(desa.tallyEntries())).isNull();
    }

    @Test
    void keysSortInFormOrder() {
        assertThat(Tally.formOrder("votes.candidate.2", "votes.candidate.10")).isNegative();
        assertThat(Tally.formOrder("votes.valid", "votes.candidate.3")).isPositive();
        assertThat(Tally.formOrder("dpt.total", "ballots.used")).isNegative();
    }
}
