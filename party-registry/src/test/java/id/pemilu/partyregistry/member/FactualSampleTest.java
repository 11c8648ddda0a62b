package id.pemilu.partyregistry.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FactualSampleTest {

    final List<String> ids = IntStream.range(0, 500).mapToObj(i -> "member-" + i).toList();

    @Test
    void theSameSeedGivesTheSameSampleWhateverTheOrderOfTheList() {
        List<String> shuffled = new ArrayList<>(ids);
        Collections.shuffle(shuffled);
        assertThat(FactualSample.draw("undian-2026-11-28", shuffled, 50))
                .isEqualTo(FactualSample.draw("undian-2026-11-28", ids, 50))
                .hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void anotherSeedGivesAnotherSample() {
        assertThat(FactualSample.draw("a", ids, 50)).isNotEqualTo(FactualSample.draw("b", ids, 50));
    }

    @Test
    void defaultSizeIsTenPercentButAtLeastTen() {
        assertThat(FactualSample.defaultSize(5)).isEqualTo(5);
        assertThat(FactualSample.defaultSize(50)).isEqualTo(10);
        assertThat(FactualSample.defaultSize(1001)).isEqualTo(101);
    }
}
