package id.pemilu.ocr.digit;

import java.util.Random;

/**
 * Random distortions of a training digit that mimic what a phone photo of a handwritten box does to it: slant,
 * rotation, size, stroke width, blur and loss of resolution. Deterministic for a given {@link Random}.
 */
public final class DigitAugmenter {

    private DigitAugmenter() {
    }

    public static float[][] distort(float[][] ink, Random random) {
        int side = 40;
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * 12);
        double scaleX = 0.85 + random.nextDouble() * 0.35;
        double scaleY = 0.85 + random.nextDouble() * 0.35;
        double shear = (random.nextDouble() * 2 - 1) * 0.25;
        float[][] out = affine(ink, side, angle, scaleX, scaleY, shear);
        double stroke = random.nextDouble();
        if (stroke < 0.2) {
            out = morph(out, true);
        } else if (stroke < 0.3) {
            out = morph(out, false);
        }
        if (random.nextDouble() < 0.5) {
            out = blur(out);
        }
        if (random.nextDouble() < 0.3) {
            int low = 14 + random.nextInt(10);
            float[][] small = DigitNormalizer.resampleArea(out, 0, 0, side, side, low, low);
            out = upscale(small, side);
        }
        return out;
    }

    private static float[][] affine(float[][] ink, int side, double angle, double sx, double sy, double shear) {
        int n = ink.length;
        float[][] out = new float[side][side];
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double factor = n * 1.2 / side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double u = (x + 0.5 - side / 2.0) * factor;
                double v = (y + 0.5 - side / 2.0) * factor;
                double ru = cos * u + sin * v;
                double rv = -sin * u + cos * v;
                double su = (ru - shear * rv) / sx;
                double sv = rv / sy;
                out[y][x] = bilinear(ink, su + n / 2.0 - 0.5, sv + n / 2.0 - 0.5);
            }
        }
        return out;
    }

    static float bilinear(float[][] map, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) (at(map, x0, y0) * (1 - fx) * (1 - fy) + at(map, x0 + 1, y0) * fx * (1 - fy)
                + at(map, x0, y0 + 1) * (1 - fx) * fy + at(map, x0 + 1, y0 + 1) * fx * fy);
    }

    private static float at(float[][] map, int x, int y) {
        return y < 0 || y >= map.length || x < 0 || x >= map[0].length ? 0f : map[y][x];
    }

    private static float[][] morph(float[][] map, boolean dilate) {
        int h = map.length;
        int w = map[0].length;
        float[][] out = new float[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = map[y][x];
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (Math.abs(dx) + Math.abs(dy) == 1) {
                            float n = at(map, x + dx, y + dy);
                            v = dilate ? Math.max(v, n) : Math.min(v, n);
                        }
                    }
                }
                out[y][x] = v;
            }
        }
        return out;
    }

    private static float[][] blur(float[][] map) {
        int h = map.length;
        int w = map[0].length;
        float[][] out = new float[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 4 * map[y][x];
                sum += 2 * (at(map, x - 1, y) + at(map, x + 1, y) + at(map, x, y - 1) + at(map, x, y + 1));
                sum += at(map, x - 1, y - 1) + at(map, x + 1, y - 1) + at(map, x - 1, y + 1) + at(map, x + 1, y + 1);
                out[y][x] = sum / 16f;
            }
        }
        return out;
    }

    private static float[][] upscale(float[][] small, int side) {
        float[][] out = new float[side][side];
        double f = (double) small.length / side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out[y][x] = bilinear(small, (x + 0.5) * f - 0.5, (y + 0.5) * f - 0.5);
            }
        }
        return out;
    }
}
