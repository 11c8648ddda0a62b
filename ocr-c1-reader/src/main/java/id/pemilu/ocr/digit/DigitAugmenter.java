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
        } else if (stroke < 0.4) {
            // a felt pen: holes close up, as a thick marker in a small box does
            out = morph(morph(out, true), true);
        }
        if (random.nextDouble() < 0.12) {
            out = skipped(out, random);
        }
        if (random.nextDouble() < 0.15) {
            out = clipped(out, random);
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

    /**
     * Wider distortions for training (issue 19, eighteenth round; {@code train --augment WIDE}): what the networks
     * misread on writing unlike their training. Beside {@link #distort}'s slant, rotation, size, pens, blur and loss
     * of resolution, more of each and four more: a pale pen (the whole digit at 50-90 % ink, never below a peak of
     * 45 %), a faded part of the stroke (ink fading to 5-40 % across one side of the digit, or a large gap where the
     * pen skipped: the zero with a faded arc), a pen thin or thick relative to the digit (a digit from half the box to
     * touching its edges written with the same pen), motion blur, and strokes broken into specks by a grainy photo.
     * {@link #distort} itself is unchanged: the synthesiser and the struck-box data use it.
     */
    public static float[][] distortWide(float[][] ink, Random random) {
        int side = 40;
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * 15);
        double scaleX = 0.8 + random.nextDouble() * 0.45;
        double scaleY = 0.8 + random.nextDouble() * 0.45;
        double shear = (random.nextDouble() * 2 - 1) * (random.nextDouble() < 0.25 ? 0.45 : 0.25);
        float[][] out = affine(ink, side, angle, scaleX, scaleY, shear);
        double stroke = random.nextDouble();
        if (stroke < 0.15) {
            out = morph(out, true);
        } else if (stroke < 0.25) {
            out = morph(morph(out, true), true);
        } else if (stroke < 0.3) {
            // a small digit in a big box with a marker: the loops nearly close
            out = morph(morph(morph(out, true), true), true);
        } else if (stroke < 0.45) {
            // a large digit written with a fine pen
            out = morph(out, false);
        } else if (stroke < 0.5) {
            out = scaled(morph(out, false), 0.5f + random.nextFloat() * 0.3f);
        }
        if (random.nextDouble() < 0.2) {
            out = skipped(out, random);
        }
        if (random.nextDouble() < 0.15) {
            out = gap(out, random);
        }
        if (random.nextDouble() < 0.15) {
            out = faded(out, random);
        }
        if (random.nextDouble() < 0.2) {
            out = clipped(out, random);
        }
        if (random.nextDouble() < 0.2) {
            out = motion(out, 2 + random.nextDouble() * 5, random.nextDouble() * Math.PI);
        }
        double blur = random.nextDouble();
        if (blur < 0.5) {
            out = blur(out);
        }
        if (blur < 0.12) {
            out = blur(blur(out));
        }
        if (random.nextDouble() < 0.3) {
            int low = 12 + random.nextInt(12);
            float[][] small = DigitNormalizer.resampleArea(out, 0, 0, side, side, low, low);
            out = upscale(small, side);
        }
        if (random.nextDouble() < 0.2) {
            out = speckled(out, random);
        }
        if (random.nextDouble() < 0.2) {
            out = scaled(out, 0.5f + random.nextFloat() * 0.4f);
        }
        // the reader's ink map lifts a box's darkest stroke to at least about half ink (DigitNormalizer crops at 0.2):
        // a digit faded or blurred below that is raised to a peak of 45-65 %, not left as a grey smear
        float peak = 0;
        for (float[] row : out) {
            for (float v : row) {
                peak = Math.max(peak, v);
            }
        }
        if (peak > 0 && peak < 0.45f) {
            out = scaled(out, (0.45f + random.nextFloat() * 0.2f) / peak);
        }
        return out;
    }

    /**
     * A grainy, low-contrast photo as the reader's ink map shows it: the strokes broken into specks (each 2 x 2 cell
     * of ink kept at a random 10-100 %) and stray specks of 20-70 % ink within 3 px of the strokes.
     */
    static float[][] speckled(float[][] map, Random random) {
        int h = map.length;
        int w = map[0].length;
        double depth = 0.4 + random.nextDouble() * 0.5;
        double stray = 0.03 + random.nextDouble() * 0.1;
        float[][] cells = new float[(h + 1) / 2][(w + 1) / 2];
        for (float[] row : cells) {
            for (int x = 0; x < row.length; x++) {
                row[x] = (float) (1 - depth * random.nextDouble());
            }
        }
        float[][] near = map;
        for (int i = 0; i < 3; i++) {
            near = morph(near, true);
        }
        float[][] out = new float[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y][x] = map[y][x] * cells[y / 2][x / 2];
                if (map[y][x] < 0.2f && near[y][x] > 0.5f && random.nextDouble() < stray) {
                    out[y][x] = (float) (0.2 + random.nextDouble() * 0.5);
                }
            }
        }
        return out;
    }

    /** The whole map times {@code factor}: a pale pen. */
    static float[][] scaled(float[][] map, float factor) {
        float[][] out = new float[map.length][map[0].length];
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                out[y][x] = map[y][x] * factor;
            }
        }
        return out;
    }

    /** A pixel of the stroke (ink above half), drawn at random; null when there is none. */
    private static int[] strokePoint(float[][] map, Random random) {
        java.util.List<int[]> stroke = new java.util.ArrayList<>();
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                if (map[y][x] > 0.5f) {
                    stroke.add(new int[] {x, y});
                }
            }
        }
        return stroke.isEmpty() ? null : stroke.get(random.nextInt(stroke.size()));
    }

    /** A large gap where the pen skipped: ink within a disc of radius 5-9 px on the stroke kept at 0-25 %. */
    static float[][] gap(float[][] map, Random random) {
        int[] at = strokePoint(map, random);
        if (at == null) {
            return map;
        }
        double radius = 5 + random.nextDouble() * 4;
        float keep = (float) (random.nextDouble() * 0.25);
        float[][] out = new float[map.length][];
        for (int y = 0; y < map.length; y++) {
            out[y] = map[y].clone();
            for (int x = 0; x < map[0].length; x++) {
                double d = Math.hypot(x - at[0], y - at[1]);
                if (d <= radius) {
                    // a soft edge over the outer 2 px
                    float k = d >= radius - 2 ? (float) (keep + (1 - keep) * (d - radius + 2) / 2) : keep;
                    out[y][x] *= k;
                }
            }
        }
        return out;
    }

    /**
     * Ink fading across the digit: along a random direction, full ink up to a point between a third and two thirds of
     * the digit, then falling linearly to 5-40 % at its far side.
     */
    static float[][] faded(float[][] map, Random random) {
        double theta = random.nextDouble() * 2 * Math.PI;
        double cx = Math.cos(theta);
        double cy = Math.sin(theta);
        double low = Double.MAX_VALUE, high = -Double.MAX_VALUE;
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                if (map[y][x] > 0.2f) {
                    double t = x * cx + y * cy;
                    low = Math.min(low, t);
                    high = Math.max(high, t);
                }
            }
        }
        if (high <= low) {
            return map;
        }
        double start = low + (high - low) * (0.33 + random.nextDouble() * 0.34);
        float keep = (float) (0.05 + random.nextDouble() * 0.35);
        float[][] out = new float[map.length][];
        for (int y = 0; y < map.length; y++) {
            out[y] = map[y].clone();
            for (int x = 0; x < map[0].length; x++) {
                double t = x * cx + y * cy;
                if (t > start) {
                    double f = Math.min(1, (t - start) / Math.max(1e-6, high - start));
                    out[y][x] *= (float) (1 - (1 - keep) * f);
                }
            }
        }
        return out;
    }

    /** Motion blur: the mean of the map along a line of {@code length} px at {@code angle} through each pixel. */
    static float[][] motion(float[][] map, double length, double angle) {
        int steps = Math.max(2, (int) Math.ceil(length)) + 1;
        double dx = Math.cos(angle) * length / (steps - 1);
        double dy = Math.sin(angle) * length / (steps - 1);
        float[][] out = new float[map.length][map[0].length];
        for (int y = 0; y < map.length; y++) {
            for (int x = 0; x < map[0].length; x++) {
                double sum = 0;
                for (int s = 0; s < steps; s++) {
                    double k = s - (steps - 1) / 2.0;
                    sum += bilinear(map, x + k * dx, y + k * dy);
                }
                out[y][x] = (float) (sum / steps);
            }
        }
        return out;
    }

    /** A stretch of stroke where the pen skipped: ink within a small disc on the stroke kept at 10-50 %. */
    static float[][] skipped(float[][] map, Random random) {
        int[] at = strokePoint(map, random);
        if (at == null) {
            return map;
        }
        double radius = 2.5 + random.nextDouble() * 3;
        float keep = (float) (0.1 + random.nextDouble() * 0.4);
        float[][] out = new float[map.length][];
        for (int y = 0; y < map.length; y++) {
            out[y] = map[y].clone();
            for (int x = 0; x < map[0].length; x++) {
                if (Math.hypot(x - at[0], y - at[1]) <= radius) {
                    out[y][x] *= keep;
                }
            }
        }
        return out;
    }

    /**
     * A digit written against the box's edge: the part beyond the sampled area is lost (the reader's border band),
     * here 8-22 % of the digit's extent cut off one side.
     */
    static float[][] clipped(float[][] map, Random random) {
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
        if (bottom < 0) {
            return map;
        }
        double share = 0.08 + random.nextDouble() * 0.14;
        int side = random.nextInt(4);
        int cutH = (int) Math.round((bottom - top + 1) * share);
        int cutW = (int) Math.round((right - left + 1) * share);
        float[][] out = new float[map.length][];
        for (int y = 0; y < map.length; y++) {
            out[y] = map[y].clone();
            for (int x = 0; x < map[0].length; x++) {
                boolean gone = switch (side) {
                    case 0 -> y < top + cutH;
                    case 1 -> y > bottom - cutH;
                    case 2 -> x < left + cutW;
                    default -> x > right - cutW;
                };
                if (gone) {
                    out[y][x] = 0;
                }
            }
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

    static float[][] blur(float[][] map) {
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

    static float[][] upscale(float[][] small, int side) {
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
