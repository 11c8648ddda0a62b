package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitNormalizerTest {

    @Test
    void cropsScalesTheLongestSideTo20AndCentresTheMass() {
        float[][] ink = new float[60][60];
        for (int y = 5; y < 45; y++) {
            for (int x = 40; x < 50; x++) {
                ink[y][x] = 1f;
            }
        }
        float[] out = DigitNormalizer.normalize(ink);
        assertThat(out).hasSize(28 * 28);
        int top = 28, bottom = -1;
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = out[y * 28 + x];
                if (v > 0.5f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        assertThat(bottom - top + 1).isEqualTo(20);
        assertThat(mx / mass).isCloseTo(14, org.assertj.core.data.Offset.offset(0.6));
        assertThat(my / mass).isCloseTo(14, org.assertj.core.data.Offset.offset(0.6));
    }

    @Test
    void anEmptyMapHasNoDigit() {
        assertThat(DigitNormalizer.normalize(new float[32][32])).isNull();
    }
}
