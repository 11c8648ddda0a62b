package id.pemilu.ocr.synth;

import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.ocr.digit.MnistFile;
import id.pemilu.ocr.form.FormTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxPatchesTest {

    @Test
    void piecesGiveLabelledInputsAndRepeatForTheSameSeed() throws Exception {
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        BoxPatches patches = new BoxPatches(FormTemplates.load().all().subList(0, 1),
                new HandwrittenDigits(mnist, 0, 2_000));
        List<float[]> boxes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boxes.addAll(patches.piece(new Random(100 + i)));
        }
        // 40 numbers of 1-3 digits: most boxes written with ink the sampler finds
        assertThat(boxes.size()).isGreaterThan(40);
        for (float[] box : boxes) {
            assertThat(box).hasSize(28 * 28 + 1);
            assertThat((int) box[784]).isBetween(0, 9);
            double ink = 0;
            for (int p = 0; p < 784; p++) {
                assertThat(box[p]).isBetween(0f, 1f);
                ink += box[p];
            }
            assertThat(ink).isGreaterThan(5);
        }
        List<float[]> again = patches.piece(new Random(100));
        List<float[]> first = patches.piece(new Random(100));
        assertThat(again).hasSameSizeAs(first);
        for (int k = 0; k < first.size(); k++) {
            assertThat(again.get(k)).containsExactly(first.get(k));
        }
    }
}
