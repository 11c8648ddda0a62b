package id.pemilu.ocr.reading;

import static id.pemilu.ocr.reading.ReaderFixture.READER;
import static id.pemilu.ocr.reading.ReaderFixture.SYNTH;
import static id.pemilu.ocr.reading.ReaderFixture.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import id.pemilu.common.events.C1FormRead.PixelBox;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.synth.FormSynthesizer;
import id.pemilu.ocr.synth.PhotoSimulator.Distortion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reading says where each field's digit boxes are, in pixels of the photo as sent (for the officer's crop). */
class FieldBoxesTest {

    @ParameterizedTest
    @EnumSource(value = Distortion.class, names = {"CLEAN", "HIGH_RESOLUTION", "PERSPECTIVE", "ROTATION"})
    void everyFieldHasABoxOnThePhotoAroundItsWrittenDigits(Distortion distortion) throws IOException {
        FormTemplate template = TEMPLATES.get("PPWP");
        FormSynthesizer.Synthesized photo = SYNTH.synthesize(template, "31.71.01.1001.004", 31, distortion);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        FormReading reading = READER.read(photo.jpeg());
        assertThat(reading.outcome()).as(reading.reason()).isEqualTo(FormReading.READ);
        assertThat(reading.boxes().keySet()).containsExactlyInAnyOrderElementsOf(template.fieldsByKey().keySet());
        boolean[][] inBox = new boolean[image.getHeight()][image.getWidth()];
        for (FormTemplate.Field field : template.fields()) {
            PixelBox box = reading.boxes().get(field.key());
            assertThat(box.x() + box.width()).as(field.key()).isLessThanOrEqualTo(image.getWidth());
            assertThat(box.y() + box.height()).as(field.key()).isLessThanOrEqualTo(image.getHeight());
            FormTemplate.Rect first = field.boxes().get(0);
            FormTemplate.Rect last = field.boxes().get(field.boxes().size() - 1);
            double printedRatio = (last.x() + last.width() - first.x()) / first.height();
            if (distortion == Distortion.CLEAN || distortion == Distortion.HIGH_RESOLUTION) {
                assertThat(box.width() / (double) box.height()).as(field.key() + " shape")
                        .isBetween(printedRatio * 0.85, printedRatio * 1.15);
            }
            // every field is written on the synthetic form: its box holds handwriting (blue ink)
            assertThat(inkPixels(image, box, null)).as(field.key() + " handwriting inside its box").isGreaterThan(20);
            for (int y = box.y(); y < box.y() + box.height(); y++) {
                for (int x = box.x(); x < box.x() + box.width(); x++) {
                    inBox[y][x] = true;
                }
            }
        }
        // and almost all handwriting on the photo lies inside some field's box
        PixelBox whole = new PixelBox(0, 0, image.getWidth(), image.getHeight());
        long all = inkPixels(image, whole, null);
        long inside = inkPixels(image, whole, inBox);
        assertThat(inside).as("handwriting inside the boxes").isGreaterThan(all * 95 / 100);
    }

    /** Pixels of blue ink (the synthetic handwriting) in the box; only those marked in {@code mask} if given. */
    private static long inkPixels(BufferedImage image, PixelBox box, boolean[][] mask) {
        long n = 0;
        for (int y = box.y(); y < box.y() + box.height(); y++) {
            for (int x = box.x(); x < box.x() + box.width(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 255;
                int b = rgb & 255;
                if (b > r + 40 && (mask == null || mask[y][x])) {
                    n++;
                }
            }
        }
        return n;
    }
}
