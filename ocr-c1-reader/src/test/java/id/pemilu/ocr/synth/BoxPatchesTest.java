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
        checkPieces(BoxPatches.Photo.ORDINARY);
    }

    @Test
    void blurryPiecesGiveLabelledInputsUnlikeTheOrdinaryOnes() throws Exception {
        List<float[]> blurry = checkPieces(BoxPatches.Photo.BLURRY);
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        BoxPatches ordinary = new BoxPatches(FormTemplates.load().all().subList(0, 1),
                new HandwrittenDigits(mnist, 0, 2_000), BoxPatches.Photo.ORDINARY);
        List<float[]> same = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            same.addAll(ordinary.piece(new Random(100 + i)));
        }
        // the same writing photographed another way: the inputs differ
        int differing = 0;
        for (int k = 0; k < Math.min(blurry.size(), same.size()); k++) {
            if (!java.util.Arrays.equals(blurry.get(k), same.get(k))) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(Math.min(blurry.size(), same.size()) / 2);
    }

    private static List<float[]> checkPieces(BoxPatches.Photo photo) throws Exception {
        MnistFile mnist = MnistFile.load(MnistFile.defaultDirectory());
        BoxPatches patches = new BoxPatches(FormTemplates.load().all().subList(0, 1),
                new HandwrittenDigits(mnist, 0, 2_000), photo);
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
        return boxes;
    }
}
