package id.pemilu.ocr.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the boxes of one field say: the most probable values of the whole number with their probabilities, from
 * each box's chance of being empty and its digit probabilities. A value of null means "no valid number" (all boxes
 * empty, or an empty box between digits).
 */
public record FieldEvidence(String key, List<Candidate> candidates, double strangeness) {

    /** Evidence from boxes like the training boxes (strangeness below 0). */
    public FieldEvidence(String key, List<Candidate> candidates) {
        this(key, candidates, Double.NEGATIVE_INFINITY);
    }

    static final int KEEP = 15;
    static final double DIGIT_FLOOR = 1e-7;
    static final int EMPTY = 10;

    public record Candidate(Integer value, double probability) {
    }

    public Candidate best() {
        return candidates.get(0);
    }

    public double probabilityOf(Integer value) {
        for (Candidate candidate : candidates) {
            if (java.util.Objects.equals(candidate.value(), value)) {
                return candidate.probability();
            }
        }
        return 0;
    }

    /**
     * @param emptyProbability per box, the chance it holds no digit
     * @param digitProbabilities per box, 10 probabilities (ignored where the box is certainly empty; may be null)
     */
    public static FieldEvidence of(String key, double[] emptyProbability, float[][] digitProbabilities) {
        return of(key, emptyProbability, digitProbabilities, Double.NEGATIVE_INFINITY);
    }

    /**
     * @param strangeness the highest out-of-distribution score of the field's written boxes
     *                    ({@link id.pemilu.ocr.digit.OutOfDistribution}); the digit probabilities already carry the
     *                    lowered trust
     */
    public static FieldEvidence of(String key, double[] emptyProbability, float[][] digitProbabilities,
                                   double strangeness) {
        int boxes = emptyProbability.length;
        double[][] options = new double[boxes][11];
        for (int b = 0; b < boxes; b++) {
            double written = 1 - emptyProbability[b];
            double total = 0;
            for (int d = 0; d < 10; d++) {
                double p = digitProbabilities[b] == null ? 0.1 : Math.max(DIGIT_FLOOR, digitProbabilities[b][d]);
                options[b][d] = p;
                total += p;
            }
            for (int d = 0; d < 10; d++) {
                options[b][d] = written * options[b][d] / total;
            }
            options[b][EMPTY] = emptyProbability[b];
        }
        Map<Integer, Double> byValue = new HashMap<>();
        enumerate(options, 0, new int[boxes], 1.0, byValue);
        List<Candidate> candidates = new ArrayList<>();
        byValue.forEach((value, p) -> candidates.add(new Candidate(value == -1 ? null : value, p)));
        candidates.sort(Comparator.comparingDouble(Candidate::probability).reversed());
        return new FieldEvidence(key, List.copyOf(candidates.subList(0, Math.min(KEEP, candidates.size()))),
                strangeness);
    }

    private static void enumerate(double[][] options, int box, int[] chosen, double p, Map<Integer, Double> out) {
        if (p < 1e-12) {
            return;
        }
        if (box == options.length) {
            out.merge(value(chosen), p, Double::sum);
            return;
        }
        for (int o = 0; o <= EMPTY; o++) {
            if (options[box][o] > 0) {
                chosen[box] = o;
                enumerate(options, box + 1, chosen, p * options[box][o], out);
            }
        }
    }

    /** Number written in the boxes, right-aligned; -1 when there is none or an empty box sits between digits. */
    static int value(int[] chosen) {
        int value = 0;
        boolean started = false;
        for (int option : chosen) {
            if (option == EMPTY) {
                if (started) {
                    return -1;
                }
            } else {
                started = true;
                value = value * 10 + option;
            }
        }
        return started ? value : -1;
    }
}
