package id.pemilu.ocr.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarkerSearchTest {

    /** Paper lit at 230 left of x = 240, in deep shadow (90) right of it, a black 20 px marker centred at (300, 200). */
    private static GrayImage shadowedPage() {
        int w = 400;
        int h = 400;
        float[] pixels = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float paper = x < 240 ? 230 : 90;
                boolean marker = Math.abs(x + 0.5 - 300) < 10 && Math.abs(y + 0.5 - 200) < 10;
                pixels[y * w + x] = marker ? 20 : paper;
            }
        }
        return new GrayImage(w, h, pixels);
    }

    @Test
    void findsAMarkerInShadowWhereHalfTheBrightPaperWouldCountAsInk() {
        GrayImage image = shadowedPage();
        // against the bright paper, the whole shadowed half is "dark" and swallows the marker; locally it is found
        double[] centre = PageLocator.findMarker(image, 295, 205, 20, 600);
        assertThat(centre).isNotNull();
        assertThat(centre[0]).isCloseTo(300, within(1.0));
        assertThat(centre[1]).isCloseTo(200, within(1.0));
    }

    @Test
    void findsNothingWhereThereIsNoMarker() {
        int w = 400;
        int h = 400;
        float[] pixels = new float[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % w) < 240 ? 230 : 90;
        }
        assertThat(PageLocator.findMarker(new GrayImage(w, h, pixels), 295, 205, 20, 600)).isNull();
    }

    @Test
    void leastSquaresAffineRecoversAMapFromMoreThanThreePoints() {
        double[] truth = {1.2, -0.1, 30, 0.05, 0.9, -12};
        java.util.List<double[]> from = java.util.List.of(new double[] {0, 0}, new double[] {100, 0},
                new double[] {0, 200}, new double[] {80, 150}, new double[] {40, 10});
        java.util.List<double[]> to = from.stream().map(p -> new double[] {
                truth[0] * p[0] + truth[1] * p[1] + truth[2], truth[3] * p[0] + truth[4] * p[1] + truth[5]}).toList();
        double[] fitted = PageLocator.leastSquaresAffine(from, to);
        for (int i = 0; i < 6; i++) {
            assertThat(fitted[i]).isCloseTo(truth[i], within(1e-6));
        }
    }
}
