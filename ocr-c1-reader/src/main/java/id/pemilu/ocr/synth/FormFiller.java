package id.pemilu.ocr.synth;

import id.pemilu.ocr.form.FormTemplate;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

/** Writes numbers into the boxes of a rendered page with handwritten digits, one digit per box, right-aligned. */
public final class FormFiller {

    private FormFiller() {
    }

    /**
     * @param page        the rendered page (RGB), {@code scale} pixels per PDF point
     * @param leadingZeros whether this officer fills the leading boxes with 0 (some do, most leave them empty)
     */
    public static void fill(BufferedImage page, double scale, FormTemplate template, Map<String, Integer> values,
                            HandwrittenDigits digits, boolean leadingZeros, Random random) {
        int[] ink = random.nextBoolean() ? new int[] {25, 35, 120} : new int[] {30, 30, 35};
        double size = 0.6 + random.nextDouble() * 0.2;
        for (FormTemplate.Field field : template.fields()) {
            Integer value = values.get(field.key());
            if (value == null) {
                continue;
            }
            String text = String.valueOf(value);
            int boxes = field.boxes().size();
            if (leadingZeros) {
                text = "0".repeat(Math.max(0, boxes - text.length())) + text;
            }
            for (int i = 0; i < text.length(); i++) {
                FormTemplate.Rect box = field.boxes().get(boxes - text.length() + i);
                write(page, scale, box, digits.pick(text.charAt(i) - '0', random), ink, size, random);
            }
        }
    }

    private static void write(BufferedImage page, double scale, FormTemplate.Rect box, float[][] digit, int[] ink,
                              double size, Random random) {
        double boxPx = box.height() * scale;
        double height = boxPx * (size + (random.nextDouble() - 0.5) * 0.08);
        double pxPerCell = height / 20.0;
        double cx = (box.centerX() + (random.nextDouble() - 0.5) * box.width() * 0.1) * scale;
        double cy = (box.centerY() + (random.nextDouble() - 0.5) * box.height() * 0.1) * scale;
        double half = 14 * pxPerCell;
        int x0 = (int) Math.floor(cx - half);
        int y0 = (int) Math.floor(cy - half);
        int x1 = (int) Math.ceil(cx + half);
        int y1 = (int) Math.ceil(cy + half);
        for (int y = Math.max(0, y0); y < Math.min(page.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(page.getWidth(), x1); x++) {
                double u = (x + 0.5 - (cx - half)) / pxPerCell - 0.5;
                double v = (y + 0.5 - (cy - half)) / pxPerCell - 0.5;
                double alpha = sample(digit, u, v);
                if (alpha <= 0.01) {
                    continue;
                }
                alpha = Math.min(1, alpha * 1.15);
                int rgb = page.getRGB(x, y);
                int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - alpha) + ink[0] * alpha);
                int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - alpha) + ink[1] * alpha);
                int b = (int) Math.round((rgb & 0xff) * (1 - alpha) + ink[2] * alpha);
                page.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
    }

    private static double sample(float[][] map, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return at(map, x0, y0) * (1 - fx) * (1 - fy) + at(map, x0 + 1, y0) * fx * (1 - fy)
                + at(map, x0, y0 + 1) * (1 - fx) * fy + at(map, x0 + 1, y0 + 1) * fx * fy;
    }

    private static float at(float[][] map, int x, int y) {
        return y < 0 || y >= map.length || x < 0 || x >= map[0].length ? 0f : map[y][x];
    }
}
