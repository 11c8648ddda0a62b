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
}
