package id.pemilu.ocr.reading;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.form.FormTemplate.Rect;
import org.junit.jupiter.api.Test;

/** The ink map the classifier sees follows the box's own strokes; the ink mass (empty or written) does not. */
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
}
