package id.pemilu.ocr.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GrayImageTest {

    @Test
    void scalingTwiceKeepsTheLevelsAndInterpolatesBetweenThem() {
        GrayImage image = new GrayImage(4, 1, new float[] {0, 0, 200, 200});
        GrayImage big = image.scaled(2);
        assertThat(big.width()).isEqualTo(8);
        assertThat(big.height()).isEqualTo(2);
        assertThat(big.at(0, 0)).isCloseTo(0f, within(0.01f));
        assertThat(big.at(7, 1)).isCloseTo(200f, within(0.01f));
        // between the dark and the bright pixel the values rise steadily
        float previous = -1;
        for (int x = 0; x < 8; x++) {
            assertThat(big.at(x, 0)).isGreaterThanOrEqualTo(previous);
            previous = big.at(x, 0);
        }
        assertThat(big.at(3, 0)).isGreaterThan(0f).isLessThan(200f);
    }
}
