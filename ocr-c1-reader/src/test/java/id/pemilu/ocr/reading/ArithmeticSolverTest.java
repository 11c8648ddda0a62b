package id.pemilu.ocr.reading;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.form.FormTemplate.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArithmeticSolverTest {

    private static final List<Rule> RULES = List.of(
            new Rule(List.of("votes.candidate.1", "votes.candidate.2"), "votes.valid"),
            new Rule(List.of("votes.valid", "votes.invalid"), "votes.total"));

    /** A box reading with a clear winner and a small chance for one alternative. */
    private static float[] digit(int best, double p, int other) {
        float[] probabilities = new float[10];
        probabilities[best] = (float) p;
        probabilities[other] += (float) (1 - p);
        return probabilities;
    }

    private static FieldEvidence field(String key, float[]... boxes) {
        return FieldEvidence.of(key, new double[boxes.length], boxes);
    }

    private static float[] sure(int d) {
        return digit(d, 0.999999, (d + 1) % 10);
    }

    @Test
    void fixesAPlantedMisreadThatTheSumsProve() {
        // 105 misread as 905 (the classifier prefers 9 for the first box); 105 + 40 = 145 and 145 + 5 = 150 prove it.
        List<FieldEvidence> fields = List.of(
                field("votes.candidate.1", digit(9, 0.9, 1), sure(0), sure(5)),
                field("votes.candidate.2", sure(0), sure(4), sure(0)),
                field("votes.valid", sure(1), sure(4), sure(5)),
                field("votes.invalid", sure(0), sure(0), sure(5)),
                field("votes.total", sure(1), sure(5), sure(0)));
        assertThat(fields.get(0).best().value()).isEqualTo(905);
        ArithmeticSolver.Solution solution = ArithmeticSolver.solve(fields, RULES);
        assertThat(solution.consistent()).isTrue();
        assertThat(solution.values()).containsExactly(105, 40, 145, 5, 150);
        assertThat(solution.confidences().get(0)).isGreaterThan(0.99);
    }

    @Test
    void leavesTwoEquallyPossibleFixesUndecided() {
        // candidate.1 may be 105 or 905, valid may be 145 or 945: both pairs add up, the sum cannot decide.
        List<FieldEvidence> fields = List.of(
                field("votes.candidate.1", digit(9, 0.55, 1), sure(0), sure(5)),
                field("votes.candidate.2", sure(0), sure(4), sure(0)),
                field("votes.valid", digit(1, 0.55, 9), sure(4), sure(5)),
                field("votes.invalid", sure(0), sure(0), sure(5)),
                field("votes.total", digit(1, 0.55, 9), sure(5), sure(0)));
        ArithmeticSolver.Solution solution = ArithmeticSolver.solve(fields, RULES);
        assertThat(solution.consistent()).isTrue();
        assertThat(solution.confidences().get(0)).isLessThan(FormReader.REVIEW_BELOW);
        assertThat(solution.confidences().get(2)).isLessThan(FormReader.REVIEW_BELOW);
        assertThat(solution.confidences().get(1)).isGreaterThan(0.99);
    }

    @Test
    void flagsAFixTheClassifierHardlySawAndKeepsTheProvenOne() {
        // valid was read 345 with certainty; the only readings that add up need a digit the classifier gave ~0.
        List<FieldEvidence> fields = List.of(
                field("votes.candidate.1", sure(1), sure(0), sure(5)),
                field("votes.candidate.2", sure(0), sure(4), sure(0)),
                field("votes.valid", sure(3), sure(4), sure(5)),
                field("votes.invalid", sure(0), sure(0), sure(5)),
                field("votes.total", sure(1), sure(5), sure(0)));
        List<FieldReading> readings = FormReader.decideFields(fields, ArithmeticSolver.solve(fields, RULES));
        assertThat(readings.get(2).classifierValue()).isEqualTo(345);
        assertThat(readings.get(2).needsReview()).isTrue();
        List<FieldEvidence> provable = List.of(
                field("votes.candidate.1", digit(9, 0.9, 1), sure(0), sure(5)),
                field("votes.candidate.2", sure(0), sure(4), sure(0)),
                field("votes.valid", sure(1), sure(4), sure(5)),
                field("votes.invalid", sure(0), sure(0), sure(5)),
                field("votes.total", sure(1), sure(5), sure(0)));
        List<FieldReading> fixed = FormReader.decideFields(provable, ArithmeticSolver.solve(provable, RULES));
        assertThat(fixed.get(0).value()).isEqualTo(105);
        assertThat(fixed.get(0).classifierValue()).isEqualTo(905);
        assertThat(fixed).noneMatch(FieldReading::needsReview);
    }

    @Test
    void aCorrectionAgainstACertainReadingIsFlaggedBecauseTheWrittenFormMayNotAddUp() {
        // the classifier is sure of 345; only 145 adds up. Conditioned on the arithmetic alone, 145 would be near
        // certain; the "written numbers do not add up" hypothesis keeps it below 1 - epsilon.
        List<FieldEvidence> fields = List.of(
                field("votes.candidate.1", sure(1), sure(0), sure(5)),
                field("votes.candidate.2", sure(0), sure(4), sure(0)),
                field("votes.valid", sure(3), sure(4), sure(5)),
                field("votes.invalid", sure(0), sure(0), sure(5)),
                field("votes.total", sure(1), sure(5), sure(0)));
        ArithmeticSolver.Solution arithmeticOnly = ArithmeticSolver.solve(fields, RULES, 0);
        assertThat(arithmeticOnly.values().get(2)).isEqualTo(145);
        assertThat(arithmeticOnly.confidences().get(2)).isGreaterThan(1 - FormReader.REVIEW_EPSILON);
        ArithmeticSolver.Solution solution = ArithmeticSolver.solve(fields, RULES);
        assertThat(solution.values().get(2)).isEqualTo(145);
        assertThat(solution.confidences().get(2)).isLessThan(1 - FormReader.REVIEW_EPSILON);
        // the fields the classifier read as they stand keep their certainty under both hypotheses
        assertThat(solution.confidences().get(0)).isGreaterThan(1 - FormReader.REVIEW_EPSILON);
        assertThat(FormReader.decideFields(fields, solution).get(0).needsReview()).isFalse();
    }

    @Test
    void twoUncertainMisreadsThatHappenToAddUpAreFlagged() {
        // written 34 + 16 = 50 and 50 + 5 = 55; read (unsure) 39 and 11: 39 + 11 = 50 adds up all the same.
        List<FieldEvidence> fields = List.of(
                field("votes.candidate.1", sure(3), digit(9, 0.995, 4)),
                field("votes.candidate.2", sure(1), digit(1, 0.9, 6)),
                field("votes.valid", sure(5), sure(0)),
                field("votes.invalid", sure(5)),
                field("votes.total", sure(5), sure(5)));
        List<FieldReading> readings = FormReader.decideFields(fields, ArithmeticSolver.solve(fields, RULES));
        assertThat(readings.get(0).value()).isEqualTo(39);
        assertThat(readings.get(0).needsReview()).isTrue();
        assertThat(readings.get(1).needsReview()).isTrue();
        assertThat(readings.get(2).needsReview()).as("50 is proven by 50 + 5 = 55").isFalse();
    }

    @Test
    void saysSoWhenNoReadingAddsUp() {
        List<FieldEvidence> fields = List.of(
                field("votes.candidate.1", sure(1), sure(0), sure(5)),
                field("votes.candidate.2", sure(0), sure(4), sure(0)),
                field("votes.valid", sure(1), sure(4), sure(5)),
                field("votes.invalid", sure(0), sure(0), sure(5)),
                FieldEvidence.of("votes.total", new double[] {1, 1, 1}, new float[3][]));
        ArithmeticSolver.Solution solution = ArithmeticSolver.solve(fields, RULES);
        assertThat(solution.consistent()).isFalse();
        assertThat(solution.values()).containsExactly(105, 40, 145, 5, null);
        assertThat(FormReader.decideFields(fields, solution)).allMatch(FieldReading::needsReview);
    }

    @Test
    void fieldValuesAreRightAlignedAndAnEmptyBoxBetweenDigitsIsNoNumber() {
        assertThat(FieldEvidence.value(new int[] {10, 10, 7})).isEqualTo(7);
        assertThat(FieldEvidence.value(new int[] {0, 1, 2})).isEqualTo(12);
        assertThat(FieldEvidence.value(new int[] {1, 10, 2})).isEqualTo(-1);
        assertThat(FieldEvidence.value(new int[] {10, 10, 10})).isEqualTo(-1);
        FieldEvidence empty = FieldEvidence.of("votes.invalid", new double[] {1, 1, 1}, new float[3][]);
        assertThat(empty.best().value()).isNull();
    }
}
