package id.pemilu.ocr.reading;

import id.pemilu.ocr.form.FormTemplate;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the reader is compared with: the same page location and box cutting, but each written box read by
 * Tesseract as a single character instead of the learned classifier, and no arithmetic.
 */
public final class TesseractBaseline {

    private TesseractBaseline() {
    }

    /** Values per field key, or null if the page could not be located. */
    public static Map<String, Integer> values(FormReader reader, PrintedTextReader tesseract, byte[] photo,
                                              FormTemplate template) {
        FormReader.Analysis analysis;
        try {
            analysis = reader.analyse(PhotoDecoder.decode(photo));
        } catch (UnreadablePhoto e) {
            return null;
        }
        Map<String, Integer> values = new HashMap<>();
        for (int f = 0; f < analysis.template().fields().size(); f++) {
            List<BoxSampler.BoxInk> boxes = analysis.boxes().get(f);
            int value = 0;
            boolean started = false;
            boolean broken = false;
            for (BoxSampler.BoxInk box : boxes) {
                if (box.emptyProbability() >= 0.5) {
                    broken |= started;
                    continue;
                }
                int digit = tesseract.readDigit(image(box.ink()));
                if (digit < 0) {
                    broken = true;
                    continue;
                }
                started = true;
                value = value * 10 + digit;
            }
            values.put(analysis.template().fields().get(f).key(), started && !broken ? value : null);
        }
        return values;
    }

    /** Black ink on white, 3x enlarged with a white margin (Tesseract prefers text about 30 px high). */
    static BufferedImage image(float[][] ink) {
        int scale = 3;
        int margin = 16;
        int side = ink.length * scale + 2 * margin;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int gx = (x - margin) / scale;
                int gy = (y - margin) / scale;
                float v = x < margin || y < margin || gx >= ink.length || gy >= ink.length ? 0 : ink[gy][gx];
                image.getRaster().setSample(x, y, 0, (int) (255 * (1 - v)));
            }
        }
        return image;
    }
}
