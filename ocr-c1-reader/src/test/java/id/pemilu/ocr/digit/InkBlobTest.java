package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.synth.FormFiller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InkBlobTest {

    /** The box as the reader cuts it: a 32x32 ink map whose 2-cell margin is empty. */
    private static final int BOX = 32;

    /**
     * A box-high blob (the wrong digit, a thick strike and the correction on top of each other), 18 x 20 cells, with
     * the strike's tail running out of it to the right edge of the box, two cells thick.
     */
    private static float[][] blobWithTail() {
        float[][] box = new float[BOX][BOX];
        for (int y = 6; y < 26; y++) {
            for (int x = 4; x < 22; x++) {
                box[y][x] = 0.9f;
            }
        }
        for (int y = 14; y < 16; y++) {
            for (int x = 22; x < 30; x++) {
                box[y][x] = 0.8f;
            }
        }
        return box;
    }

    /** A digit (28x28, values 0..1) scaled to {@code height} cells and centred in a box as cut. */
    private static float[][] inBox(float[][] digit, int height) {
        int top = digit.length, bottom = -1, left = digit[0].length, right = -1;
        for (int y = 0; y < digit.length; y++) {
            for (int x = 0; x < digit[0].length; x++) {
                if (digit[y][x] > 0.2f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        int h = bottom - top + 1;
        int w = right - left + 1;
        int outW = Math.max(1, Math.min(BOX - 4, (int) Math.round((double) w * height / h)));
        float[][] scaled = DigitNormalizer.resampleArea(digit, left, top, w, h, outW, height);
        float[][] box = new float[BOX][BOX];
        int y0 = (BOX - height) / 2;
        int x0 = (BOX - outW) / 2;
        for (int y = 0; y < height; y++) {
            System.arraycopy(scaled[y], 0, box[y0 + y], x0, outW);
        }
        return box;
    }

    @Test
    void aBlobWithAStrikesTailIsTakenAsStruckThoughItsFitSquareIsNotDense() {
        float[][] box = blobWithTail();
        float[] input = DigitNormalizer.normalize(box);
        // the tail stretches the normaliser's crop: the eleventh round's dense-share rule misses this box
        assertThat(InkBlob.share(input)).isLessThan(InkBlob.SHARE);
        assertThat(InkBlob.denseShare(input, 0.9)).isFalse();
        // on the box as cut the blob keeps its solid square
        assertThat(InkBlob.solidSide(box)).isEqualTo(18);
        assertThat(InkBlob.struck(box, InkBlob.DOUBT)).isTrue();
        assertThat(InkBlob.struck(box, InkBlob.DOUBT - 0.2)).as("no doubt of the detector, no flag").isFalse();
    }

    @Test
    void aSquareJustBelowTheSideIsNoBlob() {
        float[][] box = new float[BOX][BOX];
        for (int y = 4; y < 4 + InkBlob.SOLID_SIDE; y++) {
            for (int x = 4; x < 4 + InkBlob.SOLID_SIDE; x++) {
                box[y][x] = 1f;
            }
        }
        assertThat(InkBlob.struck(box, 0.9)).isTrue();
        box[4 + InkBlob.SOLID_SIDE / 2][4 + InkBlob.SOLID_SIDE / 2] = 0.4f;  // one pale cell in the middle
        assertThat(InkBlob.solidSide(box)).isLessThan(InkBlob.SOLID_SIDE);
        assertThat(InkBlob.struck(box, 0.9)).isFalse();
    }

    @Test
    void aThinDigitIsNoBlobWhateverTheDetectorSays() throws Exception {
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        float[][] box = inBox(mnist.ink(DigitTrainer.VALIDATION_START), 26);
        assertThat(InkBlob.solidSide(box)).isLessThan(InkBlob.SOLID_SIDE);
        assertThat(InkBlob.struck(box, 0.94)).isFalse();
    }

    @Test
    void thickBoxHighValidationDigitsAreRarelyTakenAsStruckBlobs() throws Exception {
        // every MNIST validation digit written with the thickest pen of the broad writing (dilated by three pixels)
        // and box-high (26 of the box's 28 interior cells), judged by the committed detector and the solid square
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        List<float[][]> boxes = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (int i = DigitTrainer.VALIDATION_START; i < MnistFile.FIRST_HELD_OUT; i++) {
            float[][] box = inBox(FormFiller.pen(mnist.ink(i), 3), 26);
            boxes.add(box);
            inputs.add(DigitNormalizer.normalize(box));
        }
        long solid = boxes.stream().filter(box -> InkBlob.solidSide(box) >= InkBlob.SOLID_SIDE).count();
        double[] p;
        try (StruckDetector detector = StruckDetector.load()) {
            p = detector.probabilities(inputs);
        }
        int taken = 0;
        for (int i = 0; i < boxes.size(); i++) {
            if (p[i] < StruckDetector.THRESHOLD && InkBlob.struck(boxes.get(i), p[i])) {
                taken++;
            }
        }
        System.out.printf("InkBlobTest: %d of %d thick box-high digits solid, %d taken as struck blobs%n", solid,
                boxes.size(), taken);
        assertThat(solid).as("the thick digits include solid ones, so the detector's doubt is what is tested")
                .isPositive();
        // the price: at most three in a thousand of the thickest box-high plain digits go to a person (4 when written)
        assertThat(taken).as("thick validation digits taken as struck blobs, of 2,000 (%d solid)", solid)
                .isLessThanOrEqualTo(6);
    }

    @Test
    void noBoxIsNoBlob() {
        assertThat(InkBlob.struck(null, 1)).isFalse();
        assertThat(InkBlob.solidSide(new float[BOX][BOX])).isZero();
        assertThat(InkBlob.share(new float[DigitNormalizer.SIDE * DigitNormalizer.SIDE])).isZero();
    }
}
