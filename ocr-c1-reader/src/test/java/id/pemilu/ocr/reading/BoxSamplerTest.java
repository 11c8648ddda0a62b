package id.pemilu.ocr.reading;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.form.FormTemplate.Rect;
import org.junit.jupiter.api.Test;

/**
 * The ink map the classifier sees follows the box's own strokes, smoothed in a grainy box; the ink mass (empty or
 * written) does not.
 */
class BoxSamplerTest {

    private static final int SIDE = 64;
    private static final Rect BOX = new Rect(0, 0, SIDE, SIDE);
    private static final Homography SAME = Homography.fromPoints(
            new double[][] {{0, 0}, {SIDE, 0}, {SIDE, SIDE}, {0, SIDE}},
            new double[][] {{0, 0}, {SIDE, 0}, {SIDE, SIDE}, {0, SIDE}});

    /** White paper (255) with a "7" drawn at the given darkness (0 = paper, 1 = black). */
    private static GrayImage seven(double darkness) {
        float[] pixels = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean bar = y >= 14 && y < 20 && x >= 16 && x < 48;
                double along = (y - 14) / 36.0;
                double stemX = 44 - along * 20;
                boolean stem = y >= 14 && y < 50 && Math.abs(x - stemX) < 3;
                pixels[y * SIDE + x] = (float) (255 * (1 - ((bar || stem) ? darkness : 0)));
            }
        }
        return new GrayImage(SIDE, SIDE, pixels);
    }

    @Test
    void aFainterStrokeGivesTheClassifierTheSameShapeButLessInkMass() {
        BoxSampler.BoxInk clear = BoxSampler.sample(seven(0.95), SAME, BOX);
        BoxSampler.BoxInk faint = BoxSampler.sample(seven(0.55), SAME, BOX);

        double difference = 0;
        double total = 0;
        for (int y = 0; y < BoxSampler.GRID; y++) {
            for (int x = 0; x < BoxSampler.GRID; x++) {
                difference += Math.abs(clear.ink()[y][x] - faint.ink()[y][x]);
                total += clear.ink()[y][x];
            }
        }
        assertThat(total).isGreaterThan(50);
        assertThat(difference / total).as("shape difference between the clear and the faint stroke").isLessThan(0.02);
        // the empty/written decision still sees how much ink there is, on the fixed ramp
        assertThat(faint.mass()).isLessThan(0.8 * clear.mass());
        assertThat(faint.mass()).isGreaterThan(BoxSampler.WRITTEN_ABOVE);
    }

    @Test
    void clearInkKeepsTheFixedRamp() {
        float[] darkness = new float[(BoxSampler.GRID - 2 * BoxSampler.BAND) * (BoxSampler.GRID - 2 * BoxSampler.BAND)];
        for (int i = 0; i < darkness.length; i++) {
            darkness[i] = (i % 100) / 100f;
        }
        float[][] fixed = BoxSampler.inkMap(darkness, BoxSampler.FIXED_INK);
        // 0 below darkness 0.30, 1 from 0.65, linear between (specks aside: the map here is one large component)
        assertThat(fixed[BoxSampler.BAND][BoxSampler.BAND + 29]).isEqualTo(0f);
        assertThat(fixed[BoxSampler.BAND][BoxSampler.BAND + 10]).isEqualTo(0f);
        int at50 = 50;
        int row = BoxSampler.BAND + at50 / (BoxSampler.GRID - 2 * BoxSampler.BAND);
        int column = BoxSampler.BAND + at50 % (BoxSampler.GRID - 2 * BoxSampler.BAND);
        assertThat((double) fixed[row][column]).isCloseTo((0.50 - 0.30) / 0.35, org.assertj.core.data.Offset.offset(1e-3));
    }

    /** The pale "7" on paper with grain: Gaussian noise of {@code sigma} grey levels, fixed seed. */
    private static GrayImage grainy(double darkness, double sigma) {
        GrayImage seven = seven(darkness);
        java.util.Random random = new java.util.Random(7);
        float[] pixels = seven.pixels().clone();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) Math.max(0, Math.min(255, 0.8 * pixels[i] + sigma * random.nextGaussian()));
        }
        return new GrayImage(SIDE, SIDE, pixels);
    }

    /** Share of the clear stroke's cells inked in {@code map}, and the number of inked cells off the stroke. */
    private static double[] overlap(float[][] clear, float[][] map) {
        double stroke = 0, hit = 0, off = 0;
        for (int y = 0; y < BoxSampler.GRID; y++) {
            for (int x = 0; x < BoxSampler.GRID; x++) {
                if (clear[y][x] > 0.5f) {
                    stroke++;
                    hit += map[y][x] > 0.5f ? 1 : 0;
                } else if (map[y][x] > 0.5f && !nearStroke(clear, x, y)) {
                    off++;
                }
            }
        }
        return new double[] {hit / stroke, off};
    }

    private static boolean nearStroke(float[][] clear, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx, yy = y + dy;
                if (xx >= 0 && yy >= 0 && xx < BoxSampler.GRID && yy < BoxSampler.GRID && clear[yy][xx] > 0.5f) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aPaleStrokeOnGrainyPaperReachesTheClassifierAsAStrokeNotAsSpecks() {
        float[][] clear = BoxSampler.sample(seven(0.95), SAME, BOX).ink();
        GrayImage photo = grainy(0.3, 30);
        BoxSampler.BoxInk asSampled = BoxSampler.sample(photo, SAME, BOX, 0, 0, 0);
        BoxSampler.BoxInk smoothed = BoxSampler.sample(photo, SAME, BOX, 2, BoxSampler.GRAIN_ABOVE,
                BoxSampler.GRAIN_MASS_BELOW);

        double[] before = overlap(clear, asSampled.ink());
        double[] after = overlap(clear, smoothed.ink());
        assertThat(after[0]).as("share of the stroke inked, smoothed (as sampled: %s)", before[0])
                .isGreaterThan(0.9).isGreaterThan(before[0] + 0.08);
        // and the smoothing does not blot the paper around it (cells more than one cell away from the clear stroke)
        assertThat(after[1]).as("inked cells off the stroke, smoothed (as sampled: %s)", before[1])
                .isLessThanOrEqualTo(3);
        // the empty/written decision is measured on the box as sampled
        assertThat(smoothed.mass()).isEqualTo(asSampled.mass());
        assertThat(smoothed.trace()).isEqualTo(asSampled.trace());
    }

    @Test
    void aBoxWithoutGrainIsNotSmoothed() {
        for (double darkness : new double[] {0.3, 0.55, 0.95}) {
            GrayImage photo = seven(darkness);
            assertThat(BoxSampler.sample(photo, SAME, BOX, 2, BoxSampler.GRAIN_ABOVE, BoxSampler.GRAIN_MASS_BELOW).ink())
                    .isDeepEqualTo(BoxSampler.sample(photo, SAME, BOX, 0, 0, 0).ink());
        }
    }

    @Test
    void aStrokeTooPaleForTheUsualTraceIsNotTakenAsCertainlyEmptyOnQuietPaper() {
        // darkness 0.14: below where the PEAK_FLOOR ramp starts (0.158), above where the TRACE_PEAK ramp starts
        BoxSampler.BoxInk pale = BoxSampler.sample(seven(0.14), SAME, BOX);
        float[] darkness = BoxSampler.darkness(BoxSampler.grey(seven(0.14), SAME, BOX));
        double usual = 0;
        for (float[] row : BoxSampler.inkMap(darkness, BoxSampler.PEAK_FLOOR)) {
            for (float v : row) {
                usual += v;
            }
        }
        assertThat(usual).as("trace on the usual ramp").isZero();
        assertThat(pale.mass()).isZero();
        assertThat(pale.emptyProbability()).isLessThan(1);
        // blank paper stays certainly empty
        assertThat(BoxSampler.sample(seven(0), SAME, BOX).emptyProbability()).isEqualTo(1.0);
    }
}
