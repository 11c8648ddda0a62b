package id.pemilu.ocr.reading;

import id.pemilu.ocr.form.FormTemplate.Rect;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Cuts one digit box out of the photo through the page's perspective map and turns it into an ink map: darkness
 * relative to the paper around it (so shadows and uneven light cancel out), the printed grey outline dropped by the
 * threshold and the border band, specks of noise removed.
 */
public final class BoxSampler {

    static final int GRID = 32;
    static final int BAND = 2;
    static final double INSET = 0.03;
    /** Ink mass (sum of the ink map) below which a box is "faint", and above which it clearly holds a digit. */
    static final double EMPTY_BELOW = 2;
    static final double WRITTEN_ABOVE = 14;
    /**
     * Chance that a box with a trace of ink (mass above 0, at most {@link #EMPTY_BELOW}) is empty after all. Measured
     * on 280 validation photos (FlagCalibration, seed 7000000): every one of the 9,837 boxes without any ink was
     * empty, and every one of the 7 boxes in this band was written (a thin "1" under blur can be that faint); the
     * estimate is (0 + 1/2) / (7 + 1). Never 0 or 1: the arithmetic decides between a faint digit and nothing, and a
     * field whose reading depends on it stays flagged unless the sums prove it.
     */
    static final double FAINT_EMPTY = 0.0625;
    /** The same for boxes with more ink than that but less than {@link #WRITTEN_ABOVE}: 44 of 44 were written. */
    static final double LIGHT_EMPTY = 0.0111;
    /**
     * Chance that a box without ink on the fixed ramp but with a faint trace on the low ramp (darkness from
     * {@code 0.316 x PEAK_FLOOR}, or from {@code 0.316 x TRACE_PEAK} where the paper is quiet: the box's trace) is empty after all: the trace may be a faint or thin stroke
     * (a pale pen, a thin "1" under blur) or a shadow edge, grain, a speck. Never certain either way, so the arithmetic
     * weighs the faint digit against nothing.
     */
    static final double TRACE_EMPTY = 0.5;
    /** Low-ramp mass above which the trace is stroke-like enough that the box is probably written. */
    static final double TRACE_CLEAR = 6;
    static final double TRACE_CLEAR_EMPTY = 0.1;
    /** Chance that a box with more ink than {@link #WRITTEN_ABOVE} is empty after all (a smudge or a shadow edge). */
    static final double HEAVY_EMPTY = 1e-6;

    /**
     * Darkness (relative to the paper) at which the ink map saturates for clear ink; a box whose darkest strokes reach
     * it is mapped with the fixed ramp 0.30..0.65.
     */
    static final double FIXED_INK = 0.95;
    /** Lowest stroke darkness the ramp adapts to (fainter boxes keep the ramp of this darkness). */
    static final double PEAK_FLOOR = 0.5;
    /** Lowest stroke darkness the classifier's ramp adapts to in a box with only a faint trace. */
    static final double FAINT_PEAK_FLOOR = 0.25;
    /**
     * Lowest stroke darkness the classifier's ramp ever adapts to (issue 19): a pale or grey pen under a shadow leaves
     * strokes of darkness 0.2-0.4, which the fixed floor of {@link #PEAK_FLOOR} cut into fragments (a readable 0 or 6
     * reached the network as a few specks; 45 % of the digit errors on independent photos were such boxes). The ramp
     * now follows such a stroke down to this darkness, as long as the paper's grain stays well below it
     * ({@link #NOISE_MULTIPLE}).
     */
    static final double LOWEST_PEAK = 0.18;
    /** The ramp's peak stays at least this many times the paper's noise (its darkness spread) above the paper. */
    static final double NOISE_MULTIPLE = 6;

    private BoxSampler() {
    }

    /**
     * Ink map of one box as the classifier sees it (ramp adapted to the box's darkest strokes) and the box's total ink
     * on the fixed ramp (what decides empty or written).
     */
    public record BoxInk(float[][] ink, double mass, double trace) {

        /** A box measured on the fixed ramp only (trace = mass). */
        public BoxInk(float[][] ink, double mass) {
            this(ink, mass, mass);
        }

        /**
         * Probability that the box is empty, from the amount of ink: 1 only for a box without any ink; otherwise
         * strictly between 0 and 1, from how often such boxes were written on validation photos (see
         * {@link #FAINT_EMPTY}, {@link #LIGHT_EMPTY}, {@link #HEAVY_EMPTY}).
         */
        public double emptyProbability() {
            if (mass <= 0) {
                // nothing on the fixed ramp: certainly empty only if not even a faint or thin stroke shows on the
                // low ramp (a thin "1" under blur or a pale pen: taken as certainly empty, the arithmetic once made
                // 108 into 8 and "repaired" another field to match)
                return trace <= 0 ? 1 : trace <= TRACE_CLEAR ? TRACE_EMPTY : TRACE_CLEAR_EMPTY;
            }
            if (mass <= EMPTY_BELOW) {
                return FAINT_EMPTY;
            }
            return mass < WRITTEN_ABOVE ? LIGHT_EMPTY : HEAVY_EMPTY;
        }

        /** More ink than a speck: counts as writing for "is anything written on this page at all". */
        public boolean inked() {
            return mass > EMPTY_BELOW;
        }

        /**
         * Ink, or a stroke-like faint trace (a pale pen): a page written all in such a pen is not "empty" (issue 19:
         * an independent photo written with a pale pen was refused as "formulir kosong").
         */
        public boolean marked() {
            return inked() || mass <= 0 && trace > TRACE_CLEAR;
        }
    }

    public static BoxInk sample(GrayImage image, Homography toImage, Rect box) {
        return sample(image, toImage, box, GRAIN_PASSES, GRAIN_ABOVE, GRAIN_MASS_BELOW);
    }

    /**
     * Smoothing of grainy boxes (issue 19, fifth round): passes of the 3x3 binomial kernel over the grey grid before
     * the classifier's ramp, in a box whose paper noise exceeds {@link #GRAIN_ABOVE} and whose ink mass is below
     * {@link #GRAIN_MASS_BELOW}. A pale pen on a dim, grainy, compressed photo reached the classifier as specks: the
     * ramp's floor follows the grain (six times the paper's noise), so the stroke was cut at single noisy cells. Two
     * passes (a 5x5 binomial) lower the noise about threefold, and the ramp then follows the stroke. Heavier boxes are
     * left as they were: a thick pen covers so much of the box that its "paper noise" is the stroke's own spread, and
     * smoothing closed its loops. Chosen on the own synthesiser (HARSH and NOISE photos, broad writing, validation
     * digits; see the fifth round in docs/issue-19-rounds.md). Off (0 passes) unless
     * {@code -Dpemilu.ocr.grainPasses=2} until measured.
     */
    static final int GRAIN_PASSES = Integer.getInteger("pemilu.ocr.grainPasses", 0);
    static final double GRAIN_ABOVE = 0.05;
    /**
     * Lowest ramp peak (darkness; the ramp starts at 0.316 of it) on which a box without ink on the fixed ramp is also
     * measured for its trace, as long as the paper's noise stays six times below it (issue 19, fifth round); the
     * larger of the two traces counts. A pale pen under blur left written boxes with no trace, or only a little, on the
     * {@link #PEAK_FLOOR} ramp. On the own synthesiser (36 HARSH and NOISE photos, broad writing, validation digits;
     * {@code FaintBoxes}): of the boxes with a little trace that the lower ramp makes clear (above {@link #TRACE_CLEAR},
     * so {@link #TRACE_CLEAR_EMPTY}), 119 were written and none empty; of the boxes taken as certainly empty that it
     * gives a trace ({@link #TRACE_EMPTY}), 57 were written and 33 empty; on 24 training-writing forms it changed no
     * box. {@code -Dpemilu.ocr.tracePeak=0.5} reads as before (measurements only).
     */
    static final double TRACE_PEAK = Double.parseDouble(System.getProperty("pemilu.ocr.tracePeak", "0.4"));
    static final double GRAIN_MASS_BELOW = 60;

    /**
     * The box with {@code passes} binomial smoothings of its grey grid for the classifier's ramp when the paper noise
     * exceeds {@code grainAbove} and the ink mass is below {@code massBelow}. The ink mass and trace (the empty/written
     * chance) are always measured on the grid as sampled.
     */
    public static BoxInk sample(GrayImage image, Homography toImage, Rect box, int passes, double grainAbove,
                                double massBelow) {
        float[] grey = grey(image, toImage, box);
        float[] darkness = darkness(grey);
        float[][] ink = inkMap(darkness, FIXED_INK);
        double mass = 0;
        for (float[] row : ink) {
            for (float v : row) {
                mass += v;
            }
        }
        float[] sortedDarkness = darkness.clone();
        Arrays.sort(sortedDarkness);
        double trace = 0;
        if (mass <= 0) {
            for (float[] row : inkMap(darkness, PEAK_FLOOR)) {
                for (float v : row) {
                    trace += v;
                }
            }
            double lower = Math.max(TRACE_PEAK, NOISE_MULTIPLE * paperNoise(sortedDarkness));
            if (lower < PEAK_FLOOR) {
                // a paler stroke on quiet paper: its trace on the lower ramp
                double low = 0;
                for (float[] row : inkMap(darkness, lower)) {
                    for (float v : row) {
                        low += v;
                    }
                }
                trace = Math.max(trace, low);
            }
        }
        if (passes > 0 && mass < massBelow && paperNoise(sortedDarkness) > grainAbove) {
            float[] smooth = grey;
            for (int k = 0; k < passes; k++) {
                smooth = binomial(smooth);
            }
            float[] smoothDarkness = darkness(smooth);
            float[][] map = classifierMap(smoothDarkness, mass, trace);
            if (hasInk(map)) {
                return new BoxInk(map, mass, trace);
            }
            // smoothed away entirely: the box as sampled
        }
        double peak = classifierPeak(darkness, sortedDarkness, mass, trace);
        return new BoxInk(peak >= FIXED_INK ? ink : inkMap(darkness, peak), mass, trace);
    }

    private static float[][] classifierMap(float[] darkness, double mass, double trace) {
        float[] sorted = darkness.clone();
        Arrays.sort(sorted);
        return inkMap(darkness, classifierPeak(darkness, sorted, mass, trace));
    }

    /**
     * The classifier's ramp peak: the box's darkest strokes (99th percentile), at least a floor that keeps six times
     * the paper's noise below it. A box with only a faint trace is shown on a ramp down to FAINT_PEAK_FLOOR, so that a
     * pale or thin stroke reaches the classifier as a stroke.
     */
    private static double classifierPeak(float[] darkness, float[] sortedDarkness, double mass, double trace) {
        double floor = Math.max(LOWEST_PEAK, Math.min(mass <= 0 && trace > 0 ? FAINT_PEAK_FLOOR : PEAK_FLOOR,
                NOISE_MULTIPLE * paperNoise(sortedDarkness)));
        return Math.max(floor, Math.min(FIXED_INK, sortedDarkness[(int) (sortedDarkness.length * 0.99)]));
    }

    private static boolean hasInk(float[][] map) {
        for (float[] row : map) {
            for (float v : row) {
                if (v > 0.2f) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The paper's grain in a box as {@link #sample} measures it (darkness standard deviation of the paper). */
    public static double grainOf(GrayImage image, Homography toImage, Rect box) {
        float[] sorted = darkness(grey(image, toImage, box));
        Arrays.sort(sorted);
        return paperNoise(sorted);
    }

    /** Grey level of each grid cell: the mean of 2 x 2 bilinear samples spread over the cell. */
    static float[] grey(GrayImage image, Homography toImage, Rect box) {
        float[] grey = new float[GRID * GRID];
        double inset = box.width() * INSET;
        double cell = (box.width() - 2 * inset) / GRID;
        double cellY = (box.height() - 2 * inset) / GRID;
        for (int gy = 0; gy < GRID; gy++) {
            for (int gx = 0; gx < GRID; gx++) {
                double sum = 0;
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        double tx = box.x() + inset + (gx + 0.25 + 0.5 * sx) * cell;
                        double ty = box.y() + inset + (gy + 0.25 + 0.5 * sy) * cellY;
                        double[] p = toImage.map(tx, ty);
                        sum += image.sample(p[0], p[1]);
                    }
                }
                grey[gy * GRID + gx] = (float) (sum / 4);
            }
        }
        return grey;
    }

    /** Darkness of the box interior relative to its paper (the grid's 75th percentile grey). */
    static float[] darkness(float[] grey) {
        float[] sorted = grey.clone();
        Arrays.sort(sorted);
        float paper = Math.max(1f, sorted[(int) (sorted.length * 0.75)]);
        float[] darkness = new float[(GRID - 2 * BAND) * (GRID - 2 * BAND)];
        for (int y = BAND, i = 0; y < GRID - BAND; y++) {
            for (int x = BAND; x < GRID - BAND; x++) {
                darkness[i++] = 1 - grey[y * GRID + x] / paper;
            }
        }
        return darkness;
    }

    /** The grey grid smoothed with the 3x3 binomial kernel (1 2 1 / 2 4 2 / 1 2 1, edges clamped). */
    static float[] binomial(float[] grey) {
        float[] rows = new float[grey.length];
        float[] out = new float[grey.length];
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                rows[y * GRID + x] = (grey[y * GRID + Math.max(0, x - 1)] + 2 * grey[y * GRID + x]
                        + grey[y * GRID + Math.min(GRID - 1, x + 1)]) / 4;
            }
        }
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                out[y * GRID + x] = (rows[Math.max(0, y - 1) * GRID + x] + 2 * rows[y * GRID + x]
                        + rows[Math.min(GRID - 1, y + 1) * GRID + x]) / 4;
            }
        }
        return out;
    }

    /**
     * The paper's grain in a box: the spread of the lighter half of its darkness values (paper covers most of a box),
     * median minus 10th percentile, as a standard deviation (a normal distribution's is 1.28 of it).
     */
    static double paperNoise(float[] sortedDarkness) {
        int n = sortedDarkness.length;
        return Math.max(0, sortedDarkness[n / 2] - sortedDarkness[n / 10]) / 1.28;
    }

    /**
     * Ink map of the box interior: 0 below 0.316 x peak darkness, 1 above 0.684 x peak, specks removed. With
     * {@code peak} = {@link #FIXED_INK} that is the fixed ramp 0.30..0.65 whose total is the box's ink mass (what the
     * empty/written chance was measured on). For the classifier the ramp follows the box's own darkest strokes
     * (99th percentile): a blurred stroke is lower and wider, and cutting it at the same share of its own height
     * keeps its edges close to where the sharp stroke's were (a Gaussian-blurred edge crosses half its contrast at
     * the edge).
     */
    static float[][] inkMap(float[] darkness, double peak) {
        float[][] ink = new float[GRID][GRID];
        double low = 0.316 * peak;
        double span = 0.368 * peak;
        for (int y = BAND, i = 0; y < GRID - BAND; y++) {
            for (int x = BAND; x < GRID - BAND; x++) {
                ink[y][x] = (float) Math.max(0, Math.min(1, (darkness[i++] - low) / span));
            }
        }
        removeSpecks(ink);
        return ink;
    }

    /** Clears connected bits of ink too small to be part of a digit. */
    static void removeSpecks(float[][] ink) {
        boolean[][] seen = new boolean[GRID][GRID];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        for (int y = 0; y < GRID; y++) {
            for (int x = 0; x < GRID; x++) {
                if (seen[y][x] || ink[y][x] <= 0.15f) {
                    continue;
                }
                java.util.List<int[]> component = new java.util.ArrayList<>();
                double mass = 0;
                seen[y][x] = true;
                queue.add(new int[] {x, y});
                while (!queue.isEmpty()) {
                    int[] p = queue.poll();
                    component.add(p);
                    mass += ink[p[1]][p[0]];
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = p[0] + dx;
                            int ny = p[1] + dy;
                            if (nx >= 0 && ny >= 0 && nx < GRID && ny < GRID && !seen[ny][nx] && ink[ny][nx] > 0.15f) {
                                seen[ny][nx] = true;
                                queue.add(new int[] {nx, ny});
                            }
                        }
                    }
                }
                if (mass < 3) {
                    for (int[] p : component) {
                        ink[p[1]][p[0]] = 0;
                    }
                }
            }
        }
    }
}
