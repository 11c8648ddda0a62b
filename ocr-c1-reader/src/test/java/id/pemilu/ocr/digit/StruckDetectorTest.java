package id.pemilu.ocr.digit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StruckDetectorTest {

    @Test
    void theCommittedDetectorTellsStruckBoxesFromPlainValidationDigits() throws Exception {
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        Random random = new Random(77);
        List<float[]> struck = new ArrayList<>();
        List<float[]> plain = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            struck.add(StruckTrainer.struckInput(mnist, DigitTrainer.VALIDATION_START, MnistFile.FIRST_HELD_OUT,
                    random));
            int digit = DigitTrainer.VALIDATION_START + random.nextInt(2000);
            plain.add(DigitNormalizer.normalize(i % 2 == 0 ? mnist.ink(digit)
                    : DigitAugmenter.distort(mnist.ink(digit), random)));
        }
        try (StruckDetector detector = StruckDetector.load()) {
            assertThat(detector.available()).as("model/struck.params on the classpath").isTrue();
            long caught = java.util.Arrays.stream(detector.probabilities(struck))
                    .filter(p -> p >= StruckDetector.THRESHOLD).count();
            long falseAlarms = java.util.Arrays.stream(detector.probabilities(plain))
                    .filter(p -> p >= StruckDetector.THRESHOLD).count();
            assertThat(caught).as("struck validation boxes taken as struck, of 300").isGreaterThan(240);
            assertThat(falseAlarms).as("plain validation digits taken as struck, of 300").isZero();
        }
    }
}
