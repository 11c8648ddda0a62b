package id.pemilu.ocr.synth;

import id.pemilu.ocr.form.FormTemplate;
import java.awt.image.BufferedImage;
import java.util.List;
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
        fill(page, scale, template, values, digits, leadingZeros, random, Writing.TRAINING, null);
    }

    /**
     * @param writing    how this officer writes (sizes, pens, slant, placement)
     * @param crossedOut the key of a field one of whose digits the officer first wrote wrong, struck through and
     *                   wrote again over it (null: none); the number is still {@code values}' (what was meant)
     */
    public static void fill(BufferedImage page, double scale, FormTemplate template, Map<String, Integer> values,
                            HandwrittenDigits digits, boolean leadingZeros, Random random, Writing writing,
                            String crossedOut) {
        fillStruck(page, scale, template, values, digits, leadingZeros, random, writing,
                crossedOut == null ? java.util.Set.of() : java.util.Set.of(crossedOut));
    }

    /**
     * As {@link #fill(BufferedImage, double, FormTemplate, Map, HandwrittenDigits, boolean, Random, Writing, String)}
     * with any number of crossed-out fields (issue 19, fourteenth round: struck boxes cut from own photos to train
     * {@code StruckDetector}); with one field it draws exactly what the one-field call draws.
     *
     * @return per crossed-out field the index (in the field's boxes) of the box struck through
     */
    public static Map<String, Integer> fillStruck(BufferedImage page, double scale, FormTemplate template,
                                                  Map<String, Integer> values, HandwrittenDigits digits,
                                                  boolean leadingZeros, Random random, Writing writing,
                                                  java.util.Set<String> crossedOut) {
        Map<String, Integer> struckBoxes = new java.util.LinkedHashMap<>();
        int[] ink = random.nextBoolean() ? new int[] {25, 35, 120} : new int[] {30, 30, 35};
        double size = 0.6 + random.nextDouble() * 0.2;
        int pen = 0;
        double slant = 0;
        double strength = 1;
        if (!writing.plain()) {
            size = writing.sizeMin() + random.nextDouble() * (writing.sizeMax() - writing.sizeMin());
            pen = writing.penMin() + random.nextInt(writing.penMax() - writing.penMin() + 1);
            slant = (random.nextDouble() * 2 - 1) * writing.slant();
            if (writing.paleInk() > 0 && random.nextDouble() < writing.paleInk()) {
                // a pale ballpoint (light blue) or a grey pencil-like pen, laid on thinly
                ink = random.nextBoolean() ? new int[] {95, 120, 200} : new int[] {85, 85, 90};
                strength = 0.45 + random.nextDouble() * 0.4;
            }
        }
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
            int struck = crossedOut.contains(field.key()) ? random.nextInt(text.length()) : -1;
            if (struck >= 0) {
                struckBoxes.put(field.key(), boxes - text.length() + struck);
            }
            for (int i = 0; i < text.length(); i++) {
                FormTemplate.Rect box = field.boxes().get(boxes - text.length() + i);
                int digit = text.charAt(i) - '0';
                if (i == struck) {
                    int wrong = (digit + 1 + random.nextInt(9)) % 10;
                    write(page, scale, box, pen(digits.pick(wrong, random), pen), ink, size, slant, writing, random,
                            strength);
                    strike(page, scale, box, ink, random);
                }
                float[][] shape = writing.plain() ? digits.pick(digit, random) : pen(digits.pick(digit, random), pen);
                if (writing.skipped() > 0 && random.nextDouble() < writing.skipped()) {
                    shape = skip(shape, random);
                }
                write(page, scale, box, shape, ink, size, slant, writing, random, strength);
            }
        }
        return struckBoxes;
    }

    /**
     * Writes {@code text} right-aligned into {@code boxes} of a cut-out piece of a page whose top left corner is
     * {@code (originX, originY)} in PDF points, with one officer's hand drawn as {@link #fill} draws it for
     * {@code writing} (ink, size, pen, slant). For training boxes cut from small photographed pieces of the page
     * ({@link BoxPatches}).
     */
    static void writeField(BufferedImage piece, double scale, double originX, double originY,
                           List<FormTemplate.Rect> boxes, String text, HandwrittenDigits digits, Writing writing,
                           Random random) {
        int[] ink = random.nextBoolean() ? new int[] {25, 35, 120} : new int[] {30, 30, 35};
        double size = writing.sizeMin() + random.nextDouble() * (writing.sizeMax() - writing.sizeMin());
        // most officers write with an ordinary pen; felt pens are rarer (thin 20 %, MNIST's 35 %, +1 25 %, +2 13 %,
        // +3 7 %)
        double draw = random.nextDouble();
        int pen = draw < 0.2 ? -1 : draw < 0.55 ? 0 : draw < 0.8 ? 1 : draw < 0.93 ? 2 : 3;
        pen = Math.max(writing.penMin(), Math.min(writing.penMax(), pen));
        double slant = (random.nextDouble() * 2 - 1) * writing.slant();
        double strength = 1;
        if (random.nextDouble() < writing.paleInk()) {
            ink = random.nextBoolean() ? new int[] {95, 120, 200} : new int[] {85, 85, 90};
            strength = 0.45 + random.nextDouble() * 0.4;
        }
        for (int i = 0; i < text.length(); i++) {
            FormTemplate.Rect at = boxes.get(boxes.size() - text.length() + i);
            FormTemplate.Rect box = new FormTemplate.Rect(at.x() - originX, at.y() - originY, at.width(),
                    at.height());
            float[][] shape = pen(digits.pick(text.charAt(i) - '0', random), pen);
            if (random.nextDouble() < writing.skipped()) {
                shape = random.nextBoolean() ? skip(shape, random) : fadedBand(shape, random);
            }
            write(piece, scale, box, shape, ink, size, slant, writing, random, strength);
        }
    }

    /**
     * A straight band across the digit where the ink ran thin (a pen running dry, a fold in the paper): 10-50 % of
     * the ink kept within a band 3-7 cells wide of the 28x28 digit, at any angle.
     */
    static float[][] fadedBand(float[][] digit, Random random) {
        double angle = random.nextDouble() * Math.PI;
        double nx = Math.cos(angle), ny = Math.sin(angle);
        double at = (random.nextDouble() - 0.5) * 10;
        double half = 1.5 + random.nextDouble() * 2;
        float level = (float) (0.1 + random.nextDouble() * 0.4);
        float[][] out = new float[digit.length][];
        for (int y = 0; y < digit.length; y++) {
            out[y] = digit[y].clone();
            for (int x = 0; x < digit[0].length; x++) {
                double d = Math.abs((x - 13.5) * nx + (y - 13.5) * ny - at);
                if (d < half + 1) {
                    double keep = d <= half ? level : level + (1 - level) * (d - half);
                    out[y][x] *= (float) keep;
                }
            }
        }
        return out;
    }

    /** A stretch of the stroke where the pen skipped: the ink within a small disc on the stroke laid on at 10-50 %. */
    static float[][] skip(float[][] digit, Random random) {
        List<int[]> stroke = new java.util.ArrayList<>();
        for (int y = 0; y < digit.length; y++) {
            for (int x = 0; x < digit[0].length; x++) {
                if (digit[y][x] > 0.5f) {
                    stroke.add(new int[] {x, y});
                }
            }
        }
        if (stroke.isEmpty()) {
            return digit;
        }
        int[] at = stroke.get(random.nextInt(stroke.size()));
        double radius = 2 + random.nextDouble() * 2.5;
        float level = (float) (0.1 + random.nextDouble() * 0.4);
        float[][] out = new float[digit.length][];
        for (int y = 0; y < digit.length; y++) {
            out[y] = digit[y].clone();
            for (int x = 0; x < digit[0].length; x++) {
                double d = Math.hypot(x - at[0], y - at[1]);
                if (d < radius + 1) {
                    double keep = d <= radius ? level : level + (1 - level) * (d - radius);
                    out[y][x] *= (float) keep;
                }
            }
        }
        return out;
    }

    private static void write(BufferedImage page, double scale, FormTemplate.Rect box, float[][] digit, int[] ink,
                              double size, double slant, Writing writing, Random random, double strength) {
        double boxPx = box.height() * scale;
        double height = boxPx * (size + (random.nextDouble() - 0.5) * 0.08);
        double pxPerCell = height / 20.0;
        double off = 2 * writing.offCentre();
        double cx = (box.centerX() + (random.nextDouble() - 0.5) * box.width() * off) * scale;
        double cy = (box.centerY() + (random.nextDouble() - 0.5) * box.height() * off) * scale;
        double half = 14 * pxPerCell;
        int x0 = (int) Math.floor(cx - half);
        int y0 = (int) Math.floor(cy - half);
        int x1 = (int) Math.ceil(cx + half);
        int y1 = (int) Math.ceil(cy + half);
        // no draw without rotation: the photos of the other writings stay as they were
        double angle = writing.rotation() > 0 ? Math.toRadians((random.nextDouble() * 2 - 1) * writing.rotation()) : 0;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int y = Math.max(0, y0); y < Math.min(page.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(page.getWidth(), x1); x++) {
                double dx = (x + 0.5 - cx) / pxPerCell;
                double dy = (y + 0.5 - cy) / pxPerCell;
                double v = -sin * dx + cos * dy + 14 - 0.5;
                double u = cos * dx + sin * dy + 14 - 0.5 + slant * (v - 14);
                double alpha = sample(digit, u, v);
                if (alpha <= 0.01) {
                    continue;
                }
                alpha = Math.min(1, alpha * 1.15) * strength;
                int rgb = page.getRGB(x, y);
                int r = (int) Math.round(((rgb >> 16) & 0xff) * (1 - alpha) + ink[0] * alpha);
                int g = (int) Math.round(((rgb >> 8) & 0xff) * (1 - alpha) + ink[1] * alpha);
                int b = (int) Math.round((rgb & 0xff) * (1 - alpha) + ink[2] * alpha);
                page.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
    }

    /**
     * The MNIST stroke made thinner (pen -1: grey-level erosion) or thicker (pen +1, +2, ...: dilation), 3x3 steps;
     * also the struck-out detector's training boxes ({@code StruckBoxes}) use it.
     */
    public static float[][] pen(float[][] digit, int pen) {
        float[][] out = digit;
        for (int step = 0; step < Math.abs(pen); step++) {
            float[][] next = new float[out.length][out[0].length];
            for (int y = 0; y < out.length; y++) {
                for (int x = 0; x < out[0].length; x++) {
                    float v = pen > 0 ? 0f : 1f;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            if (Math.abs(dx) + Math.abs(dy) == 2 && pen > 0) {
                                continue;
                            }
                            float n = at(out, x + dx, y + dy);
                            v = pen > 0 ? Math.max(v, n) : Math.min(v, n);
                        }
                    }
                    next[y][x] = pen < 0 ? Math.max(v, out[y][x] * 0.35f) : v;
                }
            }
            out = next;
        }
        return out;
    }

    /** Two pen strokes across the box, as an officer strikes out a digit written wrong. */
    private static void strike(BufferedImage page, double scale, FormTemplate.Rect box, int[] ink, Random random) {
        java.awt.Graphics2D g = page.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(ink[0], ink[1], ink[2]));
        g.setStroke(new java.awt.BasicStroke((float) (box.height() * scale * 0.06)));
        double x0 = box.x() * scale, y0 = box.y() * scale, w = box.width() * scale, h = box.height() * scale;
        for (int line = 0; line < 2; line++) {
            double ya = y0 + h * (0.3 + 0.4 * random.nextDouble());
            double yb = y0 + h * (0.3 + 0.4 * random.nextDouble());
            g.draw(new java.awt.geom.Line2D.Double(x0 + w * 0.1, ya, x0 + w * 0.9, yb));
        }
        g.dispose();
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
