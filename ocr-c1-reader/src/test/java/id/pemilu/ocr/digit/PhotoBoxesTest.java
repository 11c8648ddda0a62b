package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoBoxesTest {

    @Test
    void cutsLabelledBoxesFromSynthesisedPhotosDeterministicallyAndCachesThem(@TempDir Path dir) throws Exception {
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        Path file = dir.resolve("boxes.bin");
        PhotoBoxes boxes = PhotoBoxes.cached(file, mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT, 2,
                42, 1);
        // two forms (PPWP and DPR templates), a number 0..999 in every field: most of their boxes are written
        assertThat(boxes.size()).isGreaterThan(100);
        assertThat(boxes.histogram().keySet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        PhotoBoxes again = PhotoBoxes.cached(file, mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT, 2,
                42, 1);
        assertThat(again.size()).isEqualTo(boxes.size());
        assertThat(again.input(7)).containsExactly(boxes.input(7));
        // the labels are the digits written: the trained classifier agrees with nearly all of them
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            inputs.add(boxes.input(i));
        }
        try (DigitClassifier classifier = DigitClassifier.load()) {
            float[][] probabilities = classifier.classify(inputs);
            int agree = 0;
            for (int i = 0; i < boxes.size(); i++) {
                int best = 0;
                for (int k = 1; k < 10; k++) {
                    best = probabilities[i][k] > probabilities[i][best] ? k : best;
                }
                agree += best == boxes.label(i) ? 1 : 0;
            }
            assertThat(agree).isGreaterThan(boxes.size() * 95 / 100);
        }
    }
}
