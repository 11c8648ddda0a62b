package id.pemilu.ocr.bench;

import id.pemilu.ocr.digit.InkBlob;
import id.pemilu.ocr.digit.StruckDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Blob measures a strike's tail should not dilute (issue 19, twelfth round), measured beside the committed
 * {@link InkBlob} rule by {@link StruckProbe}: on the normalised input the dark share (committed), the solid core and
 * the solid area; on the box as cut (before the crop is stretched to the ink) the dark share, the solid core, the
 * solid area, and the dark share of the square around the ink's middle 90 % of mass (the tail's few per cent left
 * out). Per measure: the plain boxes' quantiles, the values of the struck fields the detector misses, and for each
 * edge and P(struck) floor the plain boxes newly flagged and the missed struck fields caught. Measures only.
 */
final class BlobMeasures {

    private BlobMeasures() {
    }

    static final String[] NAMES = {"none", "share", "core", "solid4", "cutShare", "cutCore", "cutSolid3", "trimShare5",
        "trimShare10"};
    private static final double[] FLOORS = {0.5, 0.6, 0.7, 0.8};

    static double[] measures(float[] input, float[] ink) {
        double[] m = new double[NAMES.length];
        Arrays.fill(m, Double.NaN);
        m[0] = 1;
        m[1] = InkBlob.share(input);
        m[2] = InkBlob.core(input);
        m[3] = solid(input, 28, 4) / 400.0;
        if (ink != null) {
            int side = (int) Math.round(Math.sqrt(ink.length));
            int band = 2;
            int inner = side - 2 * band;
            int dark = 0;
            for (float v : ink) {
                if (v > 0.5f) {
                    dark++;
                }
            }
            m[4] = (double) dark / (inner * inner);
            m[5] = (double) largestSquare(ink, side) / inner;
            m[6] = solid(ink, side, 3) / (double) (inner * inner);
            m[7] = trimmedShare(toSquare(ink, side), 0.05);
            m[8] = trimmedShare(toSquare(ink, side), 0.10);
        }
        return m;
    }

    static float[][] toSquare(float[] flat, int side) {
        float[][] out = new float[side][side];
        for (int y = 0; y < side; y++) {
            System.arraycopy(flat, y * side, out[y], 0, side);
        }
        return out;
    }

    /**
     * Dark share of the square over the ink's middle mass: per axis the cells from where {@code trim} of the ink's mass
     * lies before to where {@code trim} lies after; dark cells inside that rectangle over its longer side squared.
     */
    static double trimmedShare(float[][] ink, double trim) {
        int h = ink.length;
        int w = ink[0].length;
        double[] cols = new double[w];
        double[] rows = new double[h];
        double total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cols[x] += ink[y][x];
                rows[y] += ink[y][x];
                total += ink[y][x];
            }
        }
        if (total <= 0) {
            return 0;
        }
        int[] xs = bounds(cols, total, trim);
        int[] ys = bounds(rows, total, trim);
        int side = Math.max(xs[1] - xs[0] + 1, ys[1] - ys[0] + 1);
        int dark = 0;
        for (int y = ys[0]; y <= ys[1]; y++) {
            for (int x = xs[0]; x <= xs[1]; x++) {
                if (ink[y][x] > 0.5f) {
                    dark++;
                }
            }
        }
        return (double) dark / ((double) side * side);
    }

    private static int[] bounds(double[] mass, double total, double trim) {
        double sum = 0;
        int from = -1;
        int to = mass.length - 1;
        for (int i = 0; i < mass.length; i++) {
            sum += mass[i];
            if (from < 0 && sum > trim * total) {
                from = i;
            }
            if (sum >= (1 - trim) * total) {
                to = i;
                break;
            }
        }
        return new int[] {Math.max(0, from), Math.max(Math.max(0, from), to)};
    }

    /** Side of the largest all-dark square. */
    static int largestSquare(float[] map, int side) {
        int[] run = new int[side * side];
        int best = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int i = y * side + x;
                if (map[i] > 0.5f) {
                    run[i] = x == 0 || y == 0 ? 1
                            : 1 + Math.min(run[i - 1], Math.min(run[i - side], run[i - side - 1]));
                    best = Math.max(best, run[i]);
                }
            }
        }
        return best;
    }

    /** Pixels covered by at least one all-dark k x k square (a morphological opening). */
    static int solid(float[] map, int side, int k) {
        boolean[] covered = new boolean[side * side];
        for (int y = 0; y + k <= side; y++) {
            for (int x = 0; x + k <= side; x++) {
                boolean all = true;
                for (int dy = 0; dy < k && all; dy++) {
                    for (int dx = 0; dx < k && all; dx++) {
                        all = map[(y + dy) * side + x + dx] > 0.5f;
                    }
                }
                if (all) {
                    for (int dy = 0; dy < k; dy++) {
                        for (int dx = 0; dx < k; dx++) {
                            covered[(y + dy) * side + x + dx] = true;
                        }
                    }
                }
            }
        }
        int n = 0;
        for (boolean c : covered) {
            if (c) {
                n++;
            }
        }
        return n;
    }

    static void table(List<StruckProbe.Box> boxes, double[] p) {
        if (boxes.isEmpty() || boxes.get(0).ink() == null) {
            System.out.println("blob measures: the cache holds no boxes as cut");
            return;
        }
        double[][] m = new double[boxes.size()][];
        TreeMap<Integer, Double> highestP = new TreeMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            m[i] = measures(boxes.get(i).input(), boxes.get(i).ink());
            if (boxes.get(i).struckField()) {
                highestP.merge(boxes.get(i).form(), p[i], Math::max);
            }
        }
        Set<Integer> missed = new TreeSet<>();
        highestP.forEach((form, v) -> {
            if (v < StruckDetector.THRESHOLD) {
                missed.add(form);
            }
        });
        long plainCount = boxes.stream().filter(b -> !b.struckField()).count();
        System.out.printf("blob measures: %d plain boxes, %d struck fields, %d missed by the detector %s%n", plainCount,
                highestP.size(), missed.size(), missed);
        // the eleventh round's rule (dark share of the fit square), for the union
        Set<Integer> committedCaught = new TreeSet<>();
        for (int i = 0; i < boxes.size(); i++) {
            StruckProbe.Box box = boxes.get(i);
            if (box.struckField() && missed.contains(box.form()) && InkBlob.denseShare(box.input(), p[i])) {
                committedCaught.add(box.form());
            }
        }
        long ruleAlarms = 0;
        Set<Integer> ruleCaught = new TreeSet<>();
        for (int i = 0; i < boxes.size(); i++) {
            StruckProbe.Box box = boxes.get(i);
            int side = (int) Math.round(Math.sqrt(box.ink().length));
            if (p[i] < StruckDetector.THRESHOLD && InkBlob.struck(toSquare(box.ink(), side), p[i])) {
                if (!box.struckField()) {
                    ruleAlarms++;
                } else if (missed.contains(box.form())) {
                    ruleCaught.add(box.form());
                }
            }
        }
        System.out.printf("the rule (solid square of %d cells as cut, P >= %.2f): plain boxes newly taken as struck %d;"
                + " missed struck fields caught %d %s (the eleventh round's rule: %d %s)%n", InkBlob.SOLID_SIDE,
                InkBlob.DOUBT, ruleAlarms, ruleCaught.size(), ruleCaught, committedCaught.size(), committedCaught);
        for (int f = 0; f < NAMES.length; f++) {
            List<Double> plain = new ArrayList<>();
            TreeMap<Integer, Double> struckBest = new TreeMap<>();
            for (int i = 0; i < boxes.size(); i++) {
                if (boxes.get(i).struckField()) {
                    if (missed.contains(boxes.get(i).form()) && p[i] >= 0.5) {
                        struckBest.merge(boxes.get(i).form(), m[i][f], Math::max);
                    }
                } else {
                    plain.add(m[i][f]);
                }
            }
            double[] sorted = plain.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = sorted.length;
            System.out.printf("%s: plain median %.3f, 99th %.3f, 99.9th %.3f, highest %.3f; missed struck fields "
                    + "(boxes with P >= 0.5): %s%n", NAMES[f], sorted[n / 2], sorted[(int) (n * 0.99)],
                    sorted[(int) (n * 0.999)], sorted[n - 1], format(struckBest));
            for (double t = f == 0 ? 1 : 0.2; t < (f == 0 ? 1.001 : 0.951); t += 0.025) {
                for (double q : FLOORS) {
                    long alarms = 0;
                    long unionAlarms = 0;
                    Set<Integer> caught = new TreeSet<>();
                    for (int i = 0; i < boxes.size(); i++) {
                        StruckProbe.Box box = boxes.get(i);
                        boolean hit = m[i][f] >= t - 1e-9 && p[i] >= q && p[i] < StruckDetector.THRESHOLD;
                        if (hit && box.struckField() && missed.contains(box.form())) {
                            caught.add(box.form());
                        } else if (hit && !box.struckField()) {
                            alarms++;
                        }
                        if (!box.struckField() && p[i] < StruckDetector.THRESHOLD
                                && (hit || InkBlob.denseShare(box.input(), p[i]))) {
                            unionAlarms++;
                        }
                    }
                    if (alarms <= 40) {
                        Set<Integer> union = new TreeSet<>(caught);
                        union.addAll(committedCaught);
                        System.out.printf("  %s >= %.3f and P >= %.1f: plain newly flagged %d; missed caught %d %s "
                                + "(with the eleventh round's rule %d, plain %d)%n", NAMES[f], t, q, alarms,
                                caught.size(), caught, union.size(), unionAlarms);
                    }
                }
            }
        }
    }

    private static String format(TreeMap<Integer, Double> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((form, v) -> s.append(String.format(" %d:%.2f", form, v)));
        return s.toString();
    }
}
