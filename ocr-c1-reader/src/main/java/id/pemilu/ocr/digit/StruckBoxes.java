package id.pemilu.ocr.digit;

import id.pemilu.ocr.synth.FormFiller;
import java.util.Random;

/**
 * Ink maps of boxes an officer struck out (issue 19): a digit written wrong, struck through, and the right digit
 * written over it or beside it. Drawn in the ink domain (a 40x40 box, as {@link DigitAugmenter} draws its digits) so
 * that {@link StruckDetector} can learn "struck" from MNIST training digits alone. The kinds of strike are the own
 * choice of this synthesiser: one to three lines across the digit, a slash, an X, a zig-zag, a dense scribble; the
 * correction at the same size over the struck digit, or smaller and off to one side, in the same or another pen.
 * Since the tenth round of issue 19 half of them are drawn as the officer of the own forms strikes a box
 * ({@link #officer}: lines across the whole box, one varied hand for both digits, thick pens, box-high digits).
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
        if (random.nextDouble() < OFFICER_SHARE) {
            return officer(wrong, right, random);
        }
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
        return finish(box, random);
    }

    /**
     * Share of struck boxes drawn as an officer of the own forms writes (since the tenth round of issue 19): the rest
     * are the strikes of the third round, drawn over a digit of {@link DigitAugmenter}'s sizes and pens.
     */
    static final double OFFICER_SHARE = 0.5;

    /**
     * A struck box as the officer of the own forms writes it (issue 19, tenth round: the detector missed strikes on
     * varied writing): one hand for the whole box (a pen from one pixel of the 28x28 digit thinner to three thicker,
     * a digit 45-100 % of the box high, slant, off-centre, sometimes a pale ink), the wrong digit, one to three
     * strokes across the box (most two, near horizontal, from about a tenth to nine tenths of its width; some a
     * slash, an X or a zig-zag over the whole box), and the correction over it in the same hand.
     */
    static float[][] officer(float[][] wrong, float[][] right, Random random) {
        Hand hand = Hand.draw(random);
        float[][] box = new float[SIDE][SIDE];
        hand.write(box, wrong, random);
        double width = SIDE * 0.06 * (0.7 + random.nextDouble() * 0.9);
        float strength = hand.strength * (float) (0.85 + random.nextDouble() * 0.15);
        double left = SIDE * (0.04 + random.nextDouble() * 0.12);
        double rightEnd = SIDE * (0.84 + random.nextDouble() * 0.12);
        double kind = random.nextDouble();
        if (kind < 0.75) {
            int lines = random.nextDouble() < 0.6 ? 2 : random.nextBoolean() ? 1 : 3;
            for (int l = 0; l < lines; l++) {
                double ya = SIDE * (0.25 + 0.5 * random.nextDouble());
                double yb = SIDE * (0.25 + 0.5 * random.nextDouble());
                line(box, left, ya, rightEnd, yb, width, strength);
            }
        } else if (kind < 0.85) {
            double top = SIDE * (0.05 + random.nextDouble() * 0.15), bottom = SIDE * (0.8 + random.nextDouble() * 0.15);
            if (random.nextBoolean()) {
                line(box, left, bottom, rightEnd, top, width, strength);
            } else {
                line(box, left, top, rightEnd, bottom, width, strength);
            }
            if (random.nextBoolean()) {
                line(box, left, top, rightEnd, bottom, width, strength);
                line(box, left, bottom, rightEnd, top, width, strength);
            }
        } else {
            int turns = 3 + random.nextInt(5);
            double top = SIDE * (0.15 + random.nextDouble() * 0.15), bottom = SIDE * (0.7 + random.nextDouble() * 0.15);
            double px = left, py = top;
            for (int t = 1; t <= turns; t++) {
                double nx = left + (rightEnd - left) * t / turns;
                double ny = t % 2 == 1 ? bottom : top;
                line(box, px, py, nx, ny, width, strength);
                px = nx;
                py = ny;
            }
        }
        if (right != null) {
            hand.write(box, right, random);
        }
        return finish(box, random);
    }

    /**
     * A box holding one digit as the officer of the own forms writes it ({@link #officer}'s hand, no strike): the
     * "one digit" examples beside the struck ones, so that a thick or large digit alone is not taken as struck.
     */
    public static float[][] plain(float[][] digit, Random random) {
        float[][] box = new float[SIDE][SIDE];
        Hand.draw(random).write(box, digit, random);
        return finish(box, random);
    }

    private static float[][] finish(float[][] box, Random random) {
        if (random.nextDouble() < 0.5) {
            box = DigitAugmenter.blur(box);
        }
        if (random.nextDouble() < 0.25) {
            int low = 16 + random.nextInt(10);
            box = DigitAugmenter.upscale(DigitNormalizer.resampleArea(box, 0, 0, SIDE, SIDE, low, low), SIDE);
        }
        return box;
    }

    /** One officer's hand for a whole box: pen, digit height, slant, how far off centre, ink strength. */
    private record Hand(int pen, double size, double slant, double offCentre, float strength) {

        static Hand draw(Random random) {
            double p = random.nextDouble();
            int pen = p < 0.2 ? -1 : p < 0.5 ? 0 : p < 0.75 ? 1 : p < 0.92 ? 2 : 3;
            double size = 0.45 + random.nextDouble() * 0.55;
            double slant = (random.nextDouble() * 2 - 1) * 0.4;
            float strength = random.nextDouble() < 0.3 ? (float) (0.45 + random.nextDouble() * 0.4) : 1f;
            return new Hand(pen, size, slant, 0.2, strength);
        }

        /** The 28x28 MNIST digit written into the box (maximum of the inks), as {@code FormFiller} writes it. */
        void write(float[][] box, float[][] digit, Random random) {
            float[][] stroke = FormFiller.pen(digit, pen);
            double height = SIDE * (size + (random.nextDouble() - 0.5) * 0.08);
            double cell = height / 20.0;
            double cx = SIDE / 2.0 + (random.nextDouble() - 0.5) * SIDE * 2 * offCentre;
            double cy = SIDE / 2.0 + (random.nextDouble() - 0.5) * SIDE * 2 * offCentre;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    double v = (y + 0.5 - cy) / cell + 14 - 0.5;
                    double u = (x + 0.5 - cx) / cell + 14 - 0.5 + slant * (v - 14);
                    float ink = Math.min(1f, DigitAugmenter.bilinear(stroke, u, v) * 1.15f) * strength;
                    box[y][x] = Math.max(box[y][x], ink);
                }
            }
        }
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
