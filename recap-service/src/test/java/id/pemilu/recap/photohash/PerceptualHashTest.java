package id.pemilu.recap.photohash;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Three synthetic C.Hasil-PPWP photos (ocr-c1-reader's synthesiser, one template, different numbers) and variants of
 * one of them. What the hash promises at the default threshold, measured in bench/phash.sh.
 */
class PerceptualHashTest {

    static BufferedImage form(String name) throws IOException {
        try (InputStream in = PerceptualHashTest.class.getResourceAsStream("/phash/" + name)) {
            return ImageIO.read(in);
        }
    }

    static long[] hash(BufferedImage image) {
        return PerceptualHash.of(image).orElseThrow();
    }

    @Test
    void theSamePictureReEncodedAtQuality80To90StaysWithinTheThreshold() throws IOException {
        // these test photos are already reduced to 60 % and re-encoded; quality 50-70 is measured in the benchmark
        for (String name : new String[] {"form-a.jpg", "form-b.jpg", "form-c.jpg"}) {
            BufferedImage form = form(name);
            long[] original = hash(form);
            assertThat(PerceptualHash.distance(original, hash(form))).isZero();
            for (int quality : new int[] {80, 90}) {
                int d = PerceptualHash.distance(original, hash(Variants.reencode(form, quality / 100f)));
                assertThat(d).as(name + " JPEG quality " + quality).isLessThanOrEqualTo(PhotoHashes.DEFAULT_DISTANCE);
            }
        }
    }

    @Test
    void differentFormsOfTheSameTemplateAreFartherApartThanTheThreshold() throws IOException {
        long[] a = hash(form("form-a.jpg"));
        long[] b = hash(form("form-b.jpg"));
        long[] c = hash(form("form-c.jpg"));
        assertThat(PerceptualHash.distance(a, b)).isGreaterThan(PhotoHashes.DEFAULT_DISTANCE);
        assertThat(PerceptualHash.distance(a, c)).isGreaterThan(PhotoHashes.DEFAULT_DISTANCE);
        assertThat(PerceptualHash.distance(b, c)).isGreaterThan(PhotoHashes.DEFAULT_DISTANCE);
    }

    @Test
    void resizedCroppedAndRotatedCopiesStayCloserToTheirOriginalThanToMostOtherForms() throws IOException {
        // not within the threshold (see README: the limit of a whole-page hash), but registration on the corner
        // markers keeps them near: closer to the original than the median distance between different forms
        BufferedImage a = form("form-a.jpg");
        long[] original = hash(a);
        long[] other = hash(form("form-b.jpg"));
        int between = PerceptualHash.distance(original, other);
        for (var v : new java.util.function.UnaryOperator[] {
                i -> Variants.resize((BufferedImage) i, 0.5), i -> Variants.resize((BufferedImage) i, 1.5),
                i -> Variants.crop((BufferedImage) i, 0.02, 0.02, 0.02, 0.02),
                i -> Variants.rotate((BufferedImage) i, 1.0)}) {
            @SuppressWarnings("unchecked")
            BufferedImage changed = ((java.util.function.UnaryOperator<BufferedImage>) v).apply(a);
            assertThat(PageCorners.find(PerceptualHash.grey(changed))).as("corner markers found").isNotNull();
            assertThat(PerceptualHash.distance(original, hash(changed))).isLessThan(between * 3);
        }
    }

    @Test
    void aPictureWithoutStructureGetsNoHash() {
        BufferedImage blank = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(new Color(40, 90, 200));
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        assertThat(PerceptualHash.of(blank)).isEmpty();
    }

    @Test
    void hexRoundTrips() throws IOException {
        long[] a = hash(form("form-a.jpg"));
        assertThat(PerceptualHash.parse(PerceptualHash.hex(a))).isEqualTo(a);
        assertThat(PerceptualHash.hex(a)).hasSize(PerceptualHash.BITS / 4);
    }
}
