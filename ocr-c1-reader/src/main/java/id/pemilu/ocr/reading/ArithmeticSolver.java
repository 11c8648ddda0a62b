package id.pemilu.ocr.reading;

import id.pemilu.ocr.form.FormTemplate.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Chooses the most probable set of numbers that satisfies every rule of the form (beam search over the fields,
 * each rule checked as soon as its fields are chosen), and the probability of each chosen value among all
 * consistent readings found. If no consistent reading exists, every field keeps its most probable value and the
 * result says so.
 */
public final class ArithmeticSolver {

    static final int BEAM = 4000;
    private static final int NONE = Integer.MIN_VALUE;

    private ArithmeticSolver() {
    }

    /**
     * The chosen value of each field (in input order), its probability given the form's arithmetic, and the
     * probability that the numbers as written do not add up at all (1 when no consistent reading exists).
     */
    public record Solution(boolean consistent, List<Integer> values, List<Double> confidences,
                           double inconsistentProbability) {
    }

    /**
     * Prior weight (relative, per form) of the hypothesis that the numbers as written do not add up (the officer
     * mis-added, or the classifier is wrong in a way its probabilities do not cover). Under it each field is what
     * the classifier read. It keeps the arithmetic from overruling a reading the classifier was sure of: a value
     * the sums force although the classifier gave it odds of 1 : r against keeps that hypothesis at weight
     * INCONSISTENT_PRIOR * r, so corrections are trusted only while r stays well below 1 / INCONSISTENT_PRIOR.
     */
    public static final double INCONSISTENT_PRIOR = 1e-8;

    public static Solution solve(List<FieldEvidence> fields, List<Rule> rules) {
        return solve(fields, rules, INCONSISTENT_PRIOR);
    }

    /**
     * The most probable consistent reading and, for every field, its posterior probability: the share of the
     * probability of all consistent readings in the beam that agree with it, next to the weight of the "written
     * numbers do not add up" hypothesis ({@code inconsistentPrior} times the classifier's own best reading), which
     * agrees with a field only where the chosen value is what the classifier read.
     */
    public static Solution solve(List<FieldEvidence> fields, List<Rule> rules, double inconsistentPrior) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).key(), i);
        }
        List<List<int[]>> closing = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            closing.add(new ArrayList<>());
        }
        for (Rule rule : rules) {
            int[] terms = new int[rule.sum().size() + 1];
            int last = -1;
            boolean known = true;
            for (int t = 0; t < rule.sum().size(); t++) {
                Integer at = index.get(rule.sum().get(t));
                known &= at != null;
                terms[t] = at == null ? -1 : at;
                last = Math.max(last, terms[t]);
            }
            Integer total = index.get(rule.equals());
            known &= total != null;
            if (!known) {
                continue;
            }
            terms[terms.length - 1] = total;
            closing.get(Math.max(last, total)).add(terms);
        }
        List<State> beam = List.of(new State(new int[fields.size()], 0));
        for (int i = 0; i < fields.size(); i++) {
            beam = extend(beam, i, fields.get(i).candidates(), closing.get(i));
            if (beam.isEmpty()) {
                return unconstrained(fields);
            }
        }
        State best = beam.get(0);
        double unconstrained = 0;
        for (FieldEvidence field : fields) {
            unconstrained += Math.log(field.best().probability());
        }
        double inconsistent = inconsistentPrior <= 0 ? 0
                : Math.exp(Math.min(700, Math.log(inconsistentPrior) + unconstrained - best.logP()));
        double z = inconsistent;
        for (State state : beam) {
            z += Math.exp(state.logP() - best.logP());
        }
        List<Integer> values = new ArrayList<>();
        List<Double> confidences = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Integer classifierValue = fields.get(i).best().value();
            int classifier = classifierValue == null ? NONE : classifierValue;
            double agree = classifier == best.values()[i] ? inconsistent : 0;
            for (State state : beam) {
                if (state.values()[i] == best.values()[i]) {
                    agree += Math.exp(state.logP() - best.logP());
                }
            }
            values.add(best.values()[i] == NONE ? null : best.values()[i]);
            confidences.add(agree / z);
        }
        return new Solution(true, values, confidences, inconsistent / z);
    }

    /**
     * The BEAM most probable states after choosing field {@code i}: exactly what sorting every (state, candidate)
     * pair that satisfies the rules closing at {@code i} and keeping the first BEAM would give, but pairs that cannot
     * enter the beam are skipped without being built (the states come in falling probability, so once the best
     * candidate cannot lift a state into the beam, no later state can enter).
     */
    private static List<State> extend(List<State> beam, int i, List<FieldEvidence.Candidate> candidates,
                                      List<int[]> rules) {
        double[] logP = new double[candidates.size()];
        int[] value = new int[candidates.size()];
        for (int c = 0; c < logP.length; c++) {
            logP[c] = Math.log(candidates.get(c).probability());
            value[c] = candidates.get(c).value() == null ? NONE : candidates.get(c).value();
        }
        PriorityQueue<State> kept = new PriorityQueue<>(BEAM + 1, Comparator.comparingDouble(State::logP));
        double bestCandidate = Arrays.stream(logP).max().orElse(Double.NEGATIVE_INFINITY);
        for (State state : beam) {
            if (kept.size() == BEAM && state.logP() + bestCandidate <= kept.peek().logP()) {
                break;
            }
            int[] values = state.values();
            for (int c = 0; c < logP.length; c++) {
                double p = state.logP() + logP[c];
                if (kept.size() == BEAM && p <= kept.peek().logP()) {
                    continue;
                }
                values[i] = value[c];
                if (satisfies(values, rules)) {
                    kept.add(new State(values.clone(), p));
                    if (kept.size() > BEAM) {
                        kept.poll();
                    }
                }
            }
        }
        List<State> next = new ArrayList<>(kept);
        next.sort(Comparator.comparingDouble(State::logP).reversed());
        return next;
    }

    private static boolean satisfies(int[] values, List<int[]> rules) {
        for (int[] terms : rules) {
            long sum = 0;
            for (int t = 0; t < terms.length - 1; t++) {
                if (values[terms[t]] == NONE) {
                    return false;
                }
                sum += values[terms[t]];
            }
            int total = values[terms[terms.length - 1]];
            if (total == NONE || sum != total) {
                return false;
            }
        }
        return true;
    }

    private static Solution unconstrained(List<FieldEvidence> fields) {
        List<Integer> values = new ArrayList<>();
        List<Double> confidences = new ArrayList<>();
        for (FieldEvidence field : fields) {
            values.add(field.best().value());
            confidences.add(field.best().probability());
        }
        return new Solution(false, values, confidences, 1);
    }

    private record State(int[] values, double logP) {
    }
}
