package id.pemilu.ocr.reading;

import static id.pemilu.ocr.reading.ReaderFixture.SYNTH;
import static id.pemilu.ocr.reading.ReaderFixture.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pemilu.ocr.form.FormRenderer;
import id.pemilu.ocr.form.FormTemplate;
import id.pemilu.ocr.synth.PhotoSimulator.Distortion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MarkerFirstLocatorTest {

    private final PageLocator locator = new PageLocator(TEMPLATES);

    /**
     * With the QR code's finder patterns wiped out the decoder cannot find the code at all; the marker-first search
     * still reads it (its data modules are intact) and places the page where the QR-guided search did.
     */
    @ParameterizedTest
    @EnumSource(value = Distortion.class, names = {"CLEAN", "ROTATION", "UPSIDE_DOWN", "PERSPECTIVE"})
    void readsTheCodeThroughTheMarkersWhenItsFinderPatternsAreGone(Distortion distortion) {
        FormTemplate template = TEMPLATES.get("DPR");
        GrayImage photo = PhotoDecoder.decode(SYNTH.synthesize(template, "31.71.01.1001.004",
                40 + distortion.ordinal(), distortion).jpeg());
        LocatedPage reference = locator.locate(photo);

        GrayImage damaged = wipeFinderPatterns(photo, template, reference.templateToImage());
        assertThatThrownBy(() -> PageLocator.decodeQr(damaged)).as("the decoder alone")
                .isInstanceOf(UnreadablePhoto.class);
        LocatedPage found = locator.locate(damaged);

        assertThat(found.qr()).isEqualTo(reference.qr());
        assertThat(found.qr().tpsCode()).isEqualTo("31.71.01.1001.004");
        for (FormTemplate.Marker m : template.markers()) {
            double[] a = reference.templateToImage().map(m.x(), m.y());
            double[] b = found.templateToImage().map(m.x(), m.y());
            assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).as("marker at %s,%s", m.x(), m.y()).isLessThan(3.0);
        }
        FormTemplate.Field field = template.fields().get(template.fields().size() / 2);
        double[] a = reference.templateToImage().map(field.boxes().get(0).x(), field.boxes().get(0).y());
        double[] b = found.templateToImage().map(field.boxes().get(0).x(), field.boxes().get(0).y());
        assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).as("a digit box").isLessThan(3.0);
    }

    @ParameterizedTest
    @EnumSource(value = Distortion.class, names = {"CLEAN"})
    void stillRefusesAPhotoWhoseCodeIsGoneAltogether(Distortion distortion) {
        FormTemplate template = TEMPLATES.get("PPWP");
        GrayImage photo = PhotoDecoder.decode(SYNTH.synthesize(template, "31.71.01.1001.004", 7, distortion).jpeg());
        LocatedPage reference = locator.locate(photo);
        GrayImage blank = paintWhite(photo, reference.templateToImage(), template.qr().x(), template.qr().y(),
                template.qr().size(), template.qr().size());

        assertThatThrownBy(() -> locator.locate(blank)).isInstanceOf(UnreadablePhoto.class)
                .hasMessage(PageLocator.NO_QR);
    }

    private static GrayImage wipeFinderPatterns(GrayImage photo, FormTemplate template, Homography h) {
        double module = template.qr().size() / FormRenderer.QR_MODULES;
        double x = template.qr().x();
        double y = template.qr().y();
        double far = (FormRenderer.QR_MODULES - 7) * module;
        GrayImage out = paintWhite(photo, h, x, y, 7 * module, 7 * module);
        out = paintWhite(out, h, x + far, y, 7 * module, 7 * module);
        return paintWhite(out, h, x, y + far, 7 * module, 7 * module);
    }

    /** Paints a template rectangle white in the photo (by mapping a fine grid of its points). */
    private static GrayImage paintWhite(GrayImage photo, Homography h, double x, double y, double w, double height) {
        float[] pixels = photo.pixels().clone();
        for (double ty = y; ty <= y + height; ty += 0.25) {
            for (double tx = x; tx <= x + w; tx += 0.25) {
                double[] p = h.map(tx, ty);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int px = (int) p[0] + dx;
                        int py = (int) p[1] + dy;
                        if (px >= 0 && py >= 0 && px < photo.width() && py < photo.height()) {
                            pixels[py * photo.width() + px] = 245f;
                        }
                    }
                }
            }
        }
        return new GrayImage(photo.width(), photo.height(), pixels);
    }
}
