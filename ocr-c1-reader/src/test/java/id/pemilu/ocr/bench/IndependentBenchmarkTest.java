package id.pemilu.ocr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.synth.Writing;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small, honest slice of the independent benchmark for every build (the 1,000-form sets are a documented command,
 * module README "Benchmarks"): photos from {@link IndependentForms}, which no training or tuning reads, of seeds that
 * no measurement in the README used. One careful form and one mis-added form of each of the seven templates.
 */
class IndependentBenchmarkTest {

    @Test
    void independentPhotosHaveNoSilentErrorAndMisAddedFormsAreFlagged() throws Exception {
        List<IndependentBenchmark.Tally> tallies = IndependentBenchmark.run("independent", 9_950_000,
                "MIXED:7,MIXED:7:MIS_ADDED", Writing.TRAINING, 1, null, false);
        IndependentBenchmark.Tally careful = tallies.get(0);
        IndependentBenchmark.Tally misAdded = tallies.get(1);
        System.out.println(IndependentBenchmark.Tally.HEADER);
        tallies.forEach(t -> System.out.println(t.line()));

        assertThat(careful.silent).as("unflagged wrong fields on careful forms").isZero();
        assertThat(misAdded.silent).as("unflagged wrong fields on mis-added forms").isZero();
        assertThat(misAdded.flaggedForms + misAdded.unreadable).as("every mis-added form flagged or refused")
                .isEqualTo(misAdded.forms);
        assertThat((double) careful.digitsRight / careful.digits).as("digits read right").isGreaterThan(0.85);
        assertThat(careful.unreadable).as("photos refused").isLessThanOrEqualTo(1);
    }
}
