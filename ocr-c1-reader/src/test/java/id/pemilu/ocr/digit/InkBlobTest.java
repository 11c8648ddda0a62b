package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.synth.FormFiller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InkBlobTest {

    /** A box-high wrong digit, a thick strike and the correction on top of each other: ink nearly everywhere. */
    private static float[] blob() {
        float[][] box = new float[40][40];
        for (int y = 4; y < 36; y++) {
            for (int x = 6; x < 34; x++) {
                box[y][x] = (x * 7 + y * 3) % 23 == 0 ? 0.2f : 0.9f;
            }
        }
        return DigitNormalizer.normalize(box);
    }

    @Test
    void aDenseBoxTheDetectorDoubtsIsTakenAsStruck() {
        float[] input = blob();
        assertThat(InkBlob.share(input)).isGreaterThan(0.85);
        assertThat(InkBlob.struck(input, InkBlob.DOUBT)).isTrue();
        assertThat(InkBlob.struck(input, InkBlob.DOUBT - 0.2)).as("no doubt of the detector, no flag").isFalse();
    }

    @Test
    void aThinDigitIsNotDenseWhateverTheDetectorSays() throws Exception {
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        float[] input = DigitNormalizer.normalize(mnist.ink(DigitTrainer.VALIDATION_START));
        assertThat(InkBlob.share(input)).isLessThan(InkBlob.SHARE);
        assertThat(InkBlob.struck(input, 0.94)).isFalse();
    }

    @Test
    void thickValidationDigitsAreNotTakenAsStruckBlobs() throws Exception {
        // every MNIST validation digit written with the thickest pen of the broad writing (dilated by three pixels),
        // judged by the committed detector and the density together
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        List<float[]> inputs = new ArrayList<>();
        for (int i = DigitTrainer.VALIDATION_START; i < MnistFile.FIRST_HELD_OUT; i++) {
            inputs.add(DigitNormalizer.normalize(FormFiller.pen(mnist.ink(i), 3)));
        }
        long dense = inputs.stream().filter(input -> InkBlob.share(input) >= InkBlob.SHARE).count();
        double[] p;
        try (StruckDetector detector = StruckDetector.load()) {
            p = detector.probabilities(inputs);
        }
        int taken = 0;
        for (int i = 0; i < inputs.size(); i++) {
            if (InkBlob.struck(inputs.get(i), p[i])) {
                taken++;
            }
        }
        assertThat(dense).as("the thick digits include dense ones, so the detector's doubt is what is tested")
                .isPositive();
        // the price: at most one in a thousand of the thickest plain digits goes to a person (1 when written)
        assertThat(taken).as("thick validation digits taken as struck blobs, of 2,000 (%d dense)", dense)
                .isLessThanOrEqualTo(2);
    }

    @Test
    void noInputIsNoBlob() {
        assertThat(InkBlob.struck(null, 1)).isFalse();
        assertThat(InkBlob.share(new float[DigitNormalizer.SIDE * DigitNormalizer.SIDE])).isZero();
    }
}
