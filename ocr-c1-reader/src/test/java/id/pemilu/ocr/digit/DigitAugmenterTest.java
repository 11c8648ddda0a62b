package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DigitAugmenterTest {

    /** A ring (a written zero) of stroke 3 px, radius 10, centred in a 40 x 40 map. */
    private static float[][] ring() {
        float[][] map = new float[40][40];
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                double d = Math.hypot(x - 19.5, y - 19.5);
                if (d >= 8.5 && d <= 11.5) {
                    map[y][x] = 1f;
                }
            }
        }
        return map;
    }

    private static double mass(float[][] map) {
        double sum = 0;
        for (float[] row : map) {
            for (float v : row) {
                sum += v;
            }
        }
        return sum;
    }

    @Test
    void aGapTakesMostOfTheInkOfOnePartOfTheStrokeAndLeavesTheRest() {
        float[][] ring = ring();
        float[][] gapped = DigitAugmenter.gap(ring, new Random(3));
        double lost = mass(ring) - mass(gapped);
        // a disc of radius 5-9 on a ring of stroke 3 covers 30-55 px of stroke, most of it lost
        assertThat(lost).isBetween(15.0, 60.0);
        assertThat(mass(gapped)).isGreaterThan(0.6 * mass(ring));
    }

    @Test
    void aFadedDigitKeepsFullInkOnOneSideAndLittleAtTheOther() {
        float[][] ring = ring();
        for (int seed = 0; seed < 20; seed++) {
            float[][] faded = DigitAugmenter.faded(ring, new Random(seed));
            float max = 0, min = 1;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    if (ring[y][x] > 0) {
                        max = Math.max(max, faded[y][x]);
                        min = Math.min(min, faded[y][x]);
                    }
                }
            }
            assertThat(max).isEqualTo(1f);
            assertThat(min).isLessThan(0.45f);
        }
    }

    @Test
    void motionBlurKeepsTheInkButSpreadsItAlongItsDirection() {
        float[][] dot = new float[40][40];
        dot[20][20] = 1f;
        float[][] moved = DigitAugmenter.motion(dot, 6, 0);
        assertThat(mass(moved)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
        // horizontal motion: ink to the left and right of the dot, none above or below it
        assertThat(moved[20][17]).isGreaterThan(0.05f);
        assertThat(moved[20][23]).isGreaterThan(0.05f);
        assertThat(moved[17][20]).isEqualTo(0f);
        assertThat(moved[20][20]).isLessThan(0.5f);
    }

    @Test
    void specklesBreakTheStrokeAndStrayOnlyNearIt() {
        float[][] ring = ring();
        float[][] speckled = DigitAugmenter.speckled(ring, new Random(7));
        assertThat(mass(speckled)).isLessThan(0.95 * mass(ring));
        int broken = 0;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                double d = Math.hypot(x - 19.5, y - 19.5);
                if (ring[y][x] > 0 && speckled[y][x] < 0.7f) {
                    broken++;
                }
                if (d < 4 || d > 16) {
                    // far from the stroke: nothing
                    assertThat(speckled[y][x]).isEqualTo(0f);
                }
            }
        }
        assertThat(broken).isGreaterThan(10);
    }

    @Test
    void wideDistortionsAreDeterministicBoundedAndWiderThanTheOrdinaryOnes() {
        float[][] ring = ring();
        float[][] a = DigitAugmenter.distortWide(ring, new Random(11));
        float[][] b = DigitAugmenter.distortWide(ring, new Random(11));
        assertThat(a).isDeepEqualTo(b);
        int paleWide = 0, paleOrdinary = 0;
        Random wide = new Random(5);
        Random ordinary = new Random(5);
        for (int i = 0; i < 400; i++) {
            float[][] w = DigitAugmenter.distortWide(ring, wide);
            float[][] o = DigitAugmenter.distort(ring, ordinary);
            float peakW = 0, peakO = 0;
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    assertThat(w[y][x]).isBetween(0f, 1.0001f);
                    peakW = Math.max(peakW, w[y][x]);
                    peakO = Math.max(peakO, o[y][x]);
                }
            }
            paleWide += peakW < 0.75f ? 1 : 0;
            paleOrdinary += peakO < 0.75f ? 1 : 0;
        }
        // pale pens: a fifth of the wide distortions scale the whole digit to 45-90 %; the ordinary ones rarely
        assertThat(paleWide).isGreaterThan(paleOrdinary + 30);
    }
}
