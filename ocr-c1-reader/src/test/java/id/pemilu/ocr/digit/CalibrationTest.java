package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Logits whose labels are drawn from softmax(logits / trueTemperature). */
    private static float[][] logits(Random random, int n) {
        float[][] logits = new float[n][10];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 10; k++) {
                logits[i][k] = (float) (random.nextGaussian() * 4);
            }
        }
        return logits;
    }

    private static int[] labels(float[][] logits, double temperature, Random random) {
        int[] labels = new int[logits.length];
        for (int i = 0; i < logits.length; i++) {
            double[] p = Calibration.softmax(logits[i], temperature);
            double u = random.nextDouble();
            int k = 0;
            while (k < 9 && u > p[k]) {
                u -= p[k];
                k++;
            }
            labels[i] = k;
        }
        return labels;
    }

    @Test
    void recoversTheTemperatureThatGeneratedTheLabels() {
        Random random = new Random(5);
        float[][] logits = logits(random, 20_000);
        assertThat(Calibration.fitTemperature(logits, labels(logits, 2.0, random))).isCloseTo(2.0, within(0.1));
        assertThat(Calibration.fitTemperature(logits, labels(logits, 0.7, random))).isCloseTo(0.7, within(0.05));
    }

    @Test
    void theFittedTemperatureLowersTheNegativeLogLikelihood() {
        Random random = new Random(6);
        float[][] logits = logits(random, 5_000);
        int[] labels = labels(logits, 3.0, random);
        double fitted = Calibration.fitTemperature(logits, labels);
        assertThat(Calibration.nll(logits, labels, fitted)).isLessThan(Calibration.nll(logits, labels, 1.0));
        assertThat(Calibration.reliability(logits, labels, fitted)).contains("top probability");
    }
}
