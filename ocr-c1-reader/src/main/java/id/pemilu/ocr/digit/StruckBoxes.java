package id.pemilu.ocr.digit;

import java.util.Random;

/**
 * Ink maps of boxes an officer struck out (issue 19): a digit written wrong, struck through, and the right digit
 * written over it or beside it. Drawn in the ink domain (a 40x40 box, as {@link DigitAugmenter} draws its digits) so
 * that {@link StruckDetector} can learn "struck" from MNIST training digits alone. The kinds of strike are the own
 * choice of this synthesiser: one to three lines across the digit, a slash, an X, a zig-zag, a dense scribble; the
 * correction at the same size over the struck digit, or smaller and off to one side, in the same or another pen.
 * Deterministic for a given {@link Random}.
 */
public final class StruckBoxes {

    static final int SIDE = 40;

    private StruckBoxes() {
    }

    /**
     * A struck box: {@code wrong} and {@code right} are 28x28 MNIST ink maps (the struck digit and the correction;
     * {@code right} may be null: struck out and nothing written again).
     */
    public static float[][] struck(float[][] wrong, float[][] right, Random random) {
        float[][] box = DigitAugmenter.distort(wrong, random);
        float[] bounds = bounds(box);
        float strength = (float) (0.55 + random.nextDouble() * 0.45);
        double width = 1.0 + random.nextDouble() * 2.2;
        int kind = random.nextInt(6);
        double x0 = bounds[0] - random.nextDouble() * 6, x1 = bounds[2] + random.nextDouble() * 6;
        double y0 = bounds[1] - random.nextDouble() * 4, y1 = bounds[3] + random.nextDouble() * 4;
        double h = y1 - y0;
        switch (kind) {
            case 0, 1 -> {
                // one to three lines across, near horizontal (the own forms' officer draws two)
                int lines = 1 + random.nextInt(3);
                for (int l = 0; l < lines; l++) {
                    double ya = y0 + h * (0.25 + 0.5 * random.nextDouble());
                    double yb = ya + (random.nextDouble() - 0.5) * h * 0.4;
                    line(box, x0, ya, x1, yb, width, strength);
                }
            }
            case 2 -> {
                // a slash, either way
                if (random.nextBoolean()) {
                    line(box, x0, y1, x1, y0, width, strength);
                } else {
                    line(box, x0, y0, x1, y1, width, strength);
                }
            }
            case 3 -> {
                line(box, x0, y0, x1, y1, width, strength);
                line(box, x0, y1, x1, y0, width, strength);
            }
            default -> {
                // a zig-zag (kind 4) or a dense scribble (kind 5) down or across the digit
                int turns = kind == 4 ? 3 + random.nextInt(4) : 7 + random.nextInt(7);
                boolean across = random.nextBoolean();
                double px = across ? x0 : x0, py = across ? y0 : y0;
                for (int t = 1; t <= turns; t++) {
                    double f = (double) t / turns;
                    double nx, ny;
                    if (across) {
                        nx = x0 + (x1 - x0) * f;
                        ny = t % 2 == 1 ? y1 : y0;
                    } else {
                        nx = t % 2 == 1 ? x1 : x0;
                        ny = y0 + (y1 - y0) * f;
                    }
                    nx += (random.nextDouble() - 0.5) * 3;
                    ny += (random.nextDouble() - 0.5) * 3;
                    line(box, px, py, nx, ny, width, strength);
                    px = nx;
                    py = ny;
                }
            }
        }
        if (right != null) {
            float[][] correction = DigitAugmenter.distort(right, random);
            float rightStrength = random.nextBoolean() ? strength : (float) (0.55 + random.nextDouble() * 0.45);
            double scale = random.nextDouble() < 0.5 ? 0.9 + random.nextDouble() * 0.2 : 0.5 + random.nextDouble() * 0.3;
            double shift = (1 - scale) * SIDE * 0.5;
            double dx = (random.nextDouble() * 2 - 1) * shift;
            double dy = (random.nextDouble() * 2 - 1) * shift;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double u = (x + 0.5 - SIDE / 2.0 - dx) / scale + SIDE / 2.0 - 0.5;
                    double v = (y + 0.5 - SIDE / 2.0 - dy) / scale + SIDE / 2.0 - 0.5;
                    float ink = DigitAugmenter.bilinear(correction, u, v) * rightStrength;
                    box[y][x] = Math.max(box[y][x], ink);
                }
            }
        }
        if (random.nextDouble() < 0.5) {
            box = DigitAugmenter.blur(box);
        }
        if (random.nextDouble() < 0.25) {
            int low = 16 + random.nextInt(10);
            box = DigitAugmenter.upscale(DigitNormalizer.resampleArea(box, 0, 0, SIDE, SIDE, low, low), SIDE);
        }
        return box;
    }

    /** Left, top, right, bottom of the ink above 0.2 (the whole box when there is none). */
    private static float[] bounds(float[][] map) {
        int top = map.length, bottom = -1, left = map[0].length, right = -1;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                if (map[y][x] > 0.2f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return bottom < 0 ? new float[] {4, 4, SIDE - 4, SIDE - 4} : new float[] {left, top, right, bottom};
    }

    /** An anti-aliased pen stroke from (xa, ya) to (xb, yb), laid over the map (maximum of the two). */
    private static void line(float[][] map, double xa, double ya, double xb, double yb, double width, float strength) {
        double dx = xb - xa, dy = yb - ya;
        double length2 = Math.max(1e-9, dx * dx + dy * dy);
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                double px = x + 0.5 - xa, py = y + 0.5 - ya;
                double t = Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
                double d = Math.hypot(px - t * dx, py - t * dy);
                double ink = Math.max(0, Math.min(1, width / 2 + 0.5 - d));
                if (ink > 0) {
                    map[y][x] = Math.max(map[y][x], (float) (ink * strength));
                }
            }
        }
    }
}
