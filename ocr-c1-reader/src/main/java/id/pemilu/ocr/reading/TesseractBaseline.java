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

    /**
     * Per field key: the digit Tesseract read in each box (-1 = nothing read, {@link #EMPTY} = box left empty); the
     * field's value is {@link #value(int[])}. Null if the page could not be located.
     */
    public static Map<String, int[]> values(FormReader reader, PrintedTextReader tesseract, byte[] photo,
                                              FormTemplate template) {
        FormReader.Analysis analysis;
        try {
            analysis = reader.analyse(PhotoDecoder.decode(photo));
        } catch (UnreadablePhoto e) {
            return null;
        }
        Map<String, int[]> values = new HashMap<>();
        for (int f = 0; f < analysis.template().fields().size(); f++) {
            List<BoxSampler.BoxInk> boxes = analysis.boxes().get(f);
            int[] digits = new int[boxes.size()];
            for (int b = 0; b < boxes.size(); b++) {
                BoxSampler.BoxInk box = boxes.get(b);
                digits[b] = box.emptyProbability() >= 0.5 ? EMPTY : tesseract.readDigit(image(box.ink()));
            }
            values.put(analysis.template().fields().get(f).key(), digits);
        }
        return values;
    }

    public static final int EMPTY = 10;

    /** The number in the boxes (right-aligned), or null if a box was unreadable, all empty or empty between digits. */
    public static Integer value(int[] digits) {
        if (java.util.Arrays.stream(digits).anyMatch(d -> d < 0)) {
            return null;
        }
        int value = FieldEvidence.value(digits);
        return value < 0 ? null : value;
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
